using System.Diagnostics;
using Praefect.TestSupport;

namespace Praefect.Server.Tests.Hosting;

/// <summary><c>praefect [-config FILE] &lt;subcommand&gt;</c> and <c>praefect --help</c>, through the built executable.</summary>
[TestFixture]
[CancelAfter(120_000)]
public sealed class PraefectSubcommandTests
{
    private static async Task<(int Exit, string Out, string Error)> RunAsync(string? stdin, params string[] args)
    {
        var start = new ProcessStartInfo(BuiltExecutable.Find("Praefect.Server", "praefect"))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        await ProcessInput.WriteAndCloseAsync(process, stdin ?? "");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestContext.CurrentContext.CancellationToken);
        return (process.ExitCode, await output, await error);
    }

    [Test]
    public async Task Help_ListsTheSubcommandsWithExamples_Exit0()
    {
        var (exit, output, _) = await RunAsync(null, "--help");

        Assert.That(exit, Is.EqualTo(0));
        Assert.That(output, Does.Contain("Examples:"));
        foreach (var name in new[] { "configuration", "sql-migrate", "sql-migrate-status", "sql-ping", "dial-nodes", "list-storages", "metadata", "check" })
        {
            Assert.That(output, Does.Match($@"\n\s+{name}\s"), $"praefect --help lists {name}");
        }
    }

    [Test]
    public async Task ConfigurationValidate_InvalidConfigOnStdin_JsonErrorsExit2()
    {
        var (exit, output, _) = await RunAsync("listen_addr: 'nohost'\nvirtual_storages: []\n", "configuration", "validate");

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(output, Does.StartWith("{\"errors\":[{\"message\":"));
        Assert.That(output, Does.Contain("listen_addr"));
    }

    [Test]
    public async Task GlobalConfigAndGoSingleDashFlags_ListStorages_GoTable()
    {
        using var directory = new TempDirectory("praefect-subcommand");
        var config = directory.Combine("config.yml");
        await File.WriteAllTextAsync(config, $"data_dir: {directory.Path}\nlisten_addr: 127.0.0.1:2305\nvirtual_storages:\n  - name: vs\n    nodes:\n      - storage: git-1\n        address: tcp://127.0.0.1:8075\n        primary: true\n");

        var result = await RunAsync(null, "-config", config, "list-storages", "-virtual-storage", "vs");

        Assert.That(result, Is.EqualTo((0, "VIRTUAL_STORAGE\tNODE \tADDRESS\nvs             \tgit-1\ttcp://127.0.0.1:8075\n", "")));
    }

    [Test]
    public async Task Serve_GoConfigToml_ErrorNamesTheFileAndTheFix()
    {
        using var directory = new TempDirectory("praefect-subcommand");
        var toml = directory.Combine("config.toml");
        await File.WriteAllTextAsync(toml, "listen_addr = \"127.0.0.1:2305\"\n[auth]\ntoken = \"secret\"\n");

        var (exit, _, error) = await RunAsync(null, "-config", toml);

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(error, Does.StartWith($"{toml}:1:1: error: this is a Go Praefect config.toml, not the runtime config.yml"));
        Assert.That(error, Does.Contain("praefect-ctl reconfigure"));
        Assert.That(error, Does.Not.Contain("secret"));
    }
}
