using Grpc.Core;
using Grpc.Net.Client;
using Praefect.Configuration.Runtime;
using Praefect.Server.Tests.Support;
using Praefect.TestSupport;

namespace Praefect.Server.Tests.Integration;

/// <summary>
/// Praefect (a real process) in front of three scripted nodes for virtual storage "praefect", and a
/// virtual storage "broken" whose only node address has nothing listening. Shared by the tests of
/// a fixture class; each test gets fresh node signals.
/// </summary>
public abstract class ScriptedClusterFixture
{
    public const string AuthToken = "praefect-secret-token";
    public const string VirtualStorage = "praefect";

    protected ScriptedNode NodeA { get; private set; } = null!;

    protected ScriptedNode NodeB { get; private set; } = null!;

    protected ScriptedNode NodeC { get; private set; } = null!;

    protected PraefectProcess Praefect { get; private set; } = null!;

    protected GrpcChannel Channel { get; private set; } = null!;

    /// <summary>The port of node "down-1": held bound, never listening, so every connection is refused.</summary>
    protected int DownPort => _down!.Port;

    private ReservedPort? _down;

    [OneTimeSetUp]
    public async Task StartClusterAsync()
    {
        NodeA = await ScriptedNode.StartAsync("node-a", "node-a-secret");
        NodeB = await ScriptedNode.StartAsync("node-b", "node-b-secret");
        NodeC = await ScriptedNode.StartAsync("node-c", "node-c-secret");
        _down = TestPorts.ReserveUnanswered();
        var config = PraefectProcess.ConfigFor(VirtualStorage, AuthToken,
            ("node-a", NodeA.Address, "node-a-secret"),
            ("node-b", NodeB.Address, "node-b-secret"),
            ("node-c", NodeC.Address, "node-c-secret"));
        config.VirtualStorages.Add(PraefectProcess.VirtualStorage("broken", ("down-1", $"tcp://127.0.0.1:{DownPort}", "down-secret")));
        Configure(config);
        Praefect = await PraefectProcess.StartAsync(config);
        Channel = Praefect.OpenChannel();
    }

    /// <summary>Lets a fixture adjust the config before praefect starts.</summary>
    protected virtual void Configure(RuntimeConfig config)
    {
    }

    [SetUp]
    public void ResetNodes()
    {
        foreach (var node in new[] { NodeA, NodeB, NodeC })
        {
            node.State.ResetSignals();
            node.State.Calls.Clear();
        }
    }

    [TearDown]
    public void PrintLogsOnFailure()
    {
        if (TestFailure.IsCurrentTestFailing())
        {
            Praefect.Process.PrintLog();
        }
    }

    [OneTimeTearDown]
    public async Task StopClusterAsync()
    {
        Channel?.Dispose();
        _down?.Dispose();
        if (Praefect is not null)
        {
            await Praefect.DisposeAsync();
        }

        foreach (var node in new[] { NodeA, NodeB, NodeC })
        {
            if (node is not null)
            {
                await node.DisposeAsync();
            }
        }
    }

    /// <summary>Headers with a fresh v2 token for praefect, plus <paramref name="extra"/>.</summary>
    protected static Metadata Auth(params (string Key, string Value)[] extra)
    {
        var headers = GitalyChannel.AuthHeaders(AuthToken);
        foreach (var (key, value) in extra)
        {
            headers.Add(key, value);
        }

        return headers;
    }

    protected static Gitaly.Repository Repo(string relativePath, string storage = VirtualStorage) =>
        new() { StorageName = storage, RelativePath = relativePath };

    protected static DateTime Deadline(int seconds = 30) => DateTime.UtcNow.AddSeconds(seconds);
}
