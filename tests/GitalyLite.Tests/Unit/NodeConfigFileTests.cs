using GitalyLite.Cli;
using Praefect.TestSupport;

namespace GitalyLite.Tests.Unit;

public sealed class NodeConfigFileTests
{
    [Test]
    public void Parse_ConfigFileThenFlags_FlagsWinAndStoragesAdd()
    {
        using var directory = new TempDirectory();
        var file = directory.Combine("gl.yml");
        File.WriteAllText(file, """
            listen_addr: 127.0.0.1:7000
            auth:
              token: from-file
              transitioning: true
            storages:
              - name: default
                path: /srv/default
            logging:
              level: debug
            transactions:
              vote_timeout: 4.5
            """);
        var errors = new List<string>();

        var options = ServeCommandLine.Parse(["--config", file, "--listen", "127.0.0.1:7001", "--storage", "extra=/srv/extra"], _ => null, errors);

        Assert.That(errors, Is.Empty);
        Assert.That(options.ListenAddress, Is.EqualTo("127.0.0.1:7001"));
        Assert.That(options.Token, Is.EqualTo("from-file"));
        Assert.That(options.Transitioning, Is.True);
        Assert.That(options.LogLevel, Is.EqualTo("debug"));
        Assert.That(options.VoteTimeout, Is.EqualTo(TimeSpan.FromSeconds(4.5)));
        Assert.That(options.Storages.Select(s => s.Name), Is.EqualTo(new[] { "default", "extra" }));
    }

    [Test]
    public void Parse_UnknownKey_ErrorWithFileLineAndColumn()
    {
        using var directory = new TempDirectory();
        var file = directory.Combine("gl.yml");
        File.WriteAllText(file, "listen_addr: 127.0.0.1:7000\nstorage_dirs: x\n");
        var errors = new List<string>();

        ServeCommandLine.Parse(["--config", file], _ => null, errors);

        Assert.That(errors[0], Does.StartWith($"{file}:2:1: "));
        Assert.That(errors[0], Does.EndWith("; see 'gitaly-lite serve --help' for the file format"));
    }

    [Test]
    public void Parse_StorageWithoutPath_ErrorNamingTheEntry()
    {
        using var directory = new TempDirectory();
        var file = directory.Combine("gl.yml");
        File.WriteAllText(file, "socket_path: /s\nstorages:\n  - name: a\n");
        var errors = new List<string>();

        ServeCommandLine.Parse(["--config", file], _ => null, errors);

        Assert.That(errors, Is.EqualTo(new[]
        {
            $"{file}: storages[0] needs both 'name' and 'path'",
            "no storage; pass --storage NAME=DIR at least once",
        }));
    }

    [Test]
    public void Parse_MissingFile_ErrorSayingSo()
    {
        var errors = new List<string>();

        ServeCommandLine.Parse(["--config", "/nonexistent/gl.yml", "--socket", "/s", "--storage", "a=/a"], _ => null, errors);

        Assert.That(errors, Is.EqualTo(new[] { "/nonexistent/gl.yml: config file not found; pass an existing file to --config" }));
    }
}
