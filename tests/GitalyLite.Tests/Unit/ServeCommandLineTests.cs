using GitalyLite.Cli;

namespace GitalyLite.Tests.Unit;

public sealed class ServeCommandLineTests
{
    [Test]
    public void Parse_AllFlags_OptionsSet()
    {
        var errors = new List<string>();

        var options = ServeCommandLine.Parse(
            ["--listen", "tcp://127.0.0.1:9999", "--socket", "/run/gl.sock", "--storage", "a=/srv/a", "--storage", "b=/srv/b=x", "--token", "t", "--transitioning", "--log-level", "warn"],
            _ => null, errors);

        Assert.That(errors, Is.Empty);
        Assert.That(options.ListenAddress, Is.EqualTo("tcp://127.0.0.1:9999"));
        Assert.That(options.SocketPath, Is.EqualTo("/run/gl.sock"));
        Assert.That(options.Storages.Select(s => $"{s.Name}:{s.Path}"), Is.EqualTo(new[] { "a:/srv/a", "b:/srv/b=x" }));
        Assert.That(options.Token, Is.EqualTo("t"));
        Assert.That(options.Transitioning, Is.True);
        Assert.That(options.LogLevel, Is.EqualTo("warn"));
    }

    [Test]
    public void Parse_TokenFromEnvironment_UsedUnlessFlagGiven()
    {
        var errors = new List<string>();
        Func<string, string?> environment = name => name == "GITALY_LITE_TOKEN" ? "from-env" : null;

        var fromEnvironment = ServeCommandLine.Parse(["--listen", "127.0.0.1:1", "--storage", "a=/a"], environment, errors);
        var fromFlag = ServeCommandLine.Parse(["--listen", "127.0.0.1:1", "--storage", "a=/a", "--token", "flag"], environment, errors);

        Assert.That(errors, Is.Empty);
        Assert.That(fromEnvironment.Token, Is.EqualTo("from-env"));
        Assert.That(fromFlag.Token, Is.EqualTo("flag"));
    }

    [TestCase(new[] { "--listen", "127.0.0.1", "--storage", "a=/a" }, "listen address '127.0.0.1' is not HOST:PORT; write e.g. 127.0.0.1:9999")]
    [TestCase(new[] { "--listen", "example.com:80", "--storage", "a=/a" }, "listen address 'example.com:80': host 'example.com' is not an IP address or localhost")]
    [TestCase(new[] { "--listen", "127.0.0.1:70000", "--storage", "a=/a" }, "listen address '127.0.0.1:70000' is not HOST:PORT; write e.g. 127.0.0.1:9999")]
    [TestCase(new[] { "--socket", "/s", "--storage", "a=/a", "--storage", "=/b" }, "--storage '=/b' is not NAME=DIR; write e.g. --storage default=/var/opt/gitaly-lite/default")]
    [TestCase(new[] { "--socket", "/s", "--storage", "a=/a", "--storage", "a=/b" }, "storage 'a' is defined 2 times; give each storage a unique name")]
    [TestCase(new[] { "--socket", "/s", "--storage", "a=/a", "--log-level", "loud" }, "log level 'loud' is unknown; use debug, info, warn or error")]
    [TestCase(new[] { "--socket", "/s", "--storage", "a=/a", "--token" }, "--token needs a value")]
    [TestCase(new[] { "--socket", "/s", "--storage", "a=/a", "extra" }, "unknown argument 'extra'; see the usage below")]
    [TestCase(new[] { "--socket", "/s", "--storage", "a=/a", "--vote-timeout", "30s" }, "--vote-timeout '30s' is not a number of seconds; write e.g. --vote-timeout 30")]
    [TestCase(new[] { "--socket", "/s", "--storage", "a=/a", "--vote-timeout", "0" }, "--vote-timeout: 0 s is out of range; give more than 0 and at most 3600 seconds (default 30)")]
    public void Parse_BadInput_OneErrorSayingWhatAndHowToFix(string[] arguments, string expected)
    {
        var errors = new List<string>();

        ServeCommandLine.Parse(arguments, _ => null, errors);

        Assert.That(errors, Is.EqualTo(new[] { expected }));
    }

    [Test]
    public void Parse_VoteTimeout_SecondsWithDefault30()
    {
        var errors = new List<string>();

        var given = ServeCommandLine.Parse(["--socket", "/s", "--storage", "a=/a", "--vote-timeout", "2.5"], _ => null, errors);
        var defaulted = ServeCommandLine.Parse(["--socket", "/s", "--storage", "a=/a"], _ => null, errors);

        Assert.That(errors, Is.Empty);
        Assert.That(given.VoteTimeout, Is.EqualTo(TimeSpan.FromSeconds(2.5)));
        Assert.That(defaulted.VoteTimeout, Is.EqualTo(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public void Parse_NothingGiven_EveryMissingPieceReported()
    {
        var errors = new List<string>();

        ServeCommandLine.Parse([], _ => null, errors);

        Assert.That(errors, Is.EqualTo(new[]
        {
            "no listener; pass --listen 127.0.0.1:PORT and/or --socket PATH",
            "no storage; pass --storage NAME=DIR at least once",
        }));
    }
}
