using Praefect.Configuration.Runtime;
using Praefect.Subcommands.DialNodes;
using Praefect.TestSupport;

namespace Praefect.Ctl.Tests.Commands.DialNodes;

/// <summary>praefect-ctl dial-nodes against real gitaly-lite nodes.</summary>
[TestFixture]
public sealed class DialNodesCommandTests
{
    private GitalyLiteNode _node = null!;

    [OneTimeSetUp]
    public async Task StartNodeAsync() => _node = await GitalyLiteNode.StartAsync("git-1", "node-1-secret");

    [OneTimeTearDown]
    public async Task StopNodeAsync() => await _node.DisposeAsync();

    [Test]
    public async Task DialNodes_NodeUpWithItsToken_OkLineAndExit0()
    {
        var (exitCode, lines, errors) = await RunAsync(("git-1", _node.Address, "node-1-secret"));

        Assert.That(exitCode, Is.EqualTo(0), errors);
        Assert.That(lines, Has.Length.EqualTo(2));
        Assert.That(lines[0], Does.Match($@"^praefect/git-1 {_node.Address}: ok \(health SERVING, storage readable and writeable\) in \d+\.\d ms$"));
        Assert.That(lines[1], Is.EqualTo("1 of 1 nodes ok"));
    }

    [Test]
    public async Task DialNodes_WrongTokenAndNodeDownAndWrongStorage_FailedLinesAndExit1()
    {
        using var down = TestPorts.ReserveUnanswered();
        var downAddress = down.Address;

        var (exitCode, lines, _) = await RunAsync(
            ("git-1", _node.Address, "wrong-secret"),
            ("git-2", downAddress, "x"),
            ("git-9", _node.Address, "node-1-secret"));

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(lines, Has.Length.EqualTo(4));
        Assert.That(lines[0], Does.Match($@"^praefect/git-1 {_node.Address}: FAILED after \d+\.\d ms: the node refuses the token configured for it \(PermissionDenied: permission denied: wrong token\); set the node's 'token' to the node's auth token$"));
        Assert.That(lines[1], Does.Match($@"^praefect/git-2 {downAddress}: FAILED after \d+\.\d ms: Unavailable: "));
        Assert.That(lines[2], Does.Match($@"^praefect/git-9 {_node.Address}: FAILED after \d+\.\d ms: ServerInfo lists no storage 'git-9' \(it serves 'git-1'\); check the node's storage name$"));
        Assert.That(lines[3], Is.EqualTo("0 of 3 nodes ok"));
    }

    [Test]
    public async Task DialNodes_MissingConfig_ErrorAndExit2()
    {
        using var directory = new TempDirectory();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exitCode = await DialNodesCommand.ExecuteAsync(directory.Combine("missing.yml"), TimeSpan.FromSeconds(5), new CtlOutput(stdout, stderr), CancellationToken.None);

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(stderr.ToString(), Does.StartWith($"{directory.Combine("missing.yml")}: error: cannot read the runtime config"));
    }

    private static async Task<(int ExitCode, string[] Lines, string Errors)> RunAsync(params (string Storage, string Address, string Token)[] nodes)
    {
        using var directory = new TempDirectory();
        var config = new RuntimeConfig { ListenAddr = "127.0.0.1:2305" };
        config.VirtualStorages.Add(new VirtualStorageConfig
        {
            Name = "praefect",
            Nodes = nodes.Select((n, i) => new NodeConfig { Storage = n.Storage, Address = n.Address, Token = n.Token, Primary = i == 0 }).ToList(),
        });
        var path = directory.Combine("config.yml");
        await File.WriteAllTextAsync(path, PraefectProcess.Render(config));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exitCode = await DialNodesCommand.ExecuteAsync(path, TimeSpan.FromSeconds(10), new CtlOutput(stdout, stderr), CancellationToken.None);

        return (exitCode, stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), stderr.ToString());
    }
}
