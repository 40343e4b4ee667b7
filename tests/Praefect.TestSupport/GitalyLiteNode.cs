using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Praefect.TestSupport;

/// <summary>
/// A real gitaly-lite process (the built executable) serving one storage from a temp directory on a
/// free loopback port. Stop and start it again on the same port and directory for "node down, then
/// back" tests, or kill it to simulate a crash. Disposing stops it and deletes the directory.
/// </summary>
public sealed class GitalyLiteNode : IAsyncDisposable
{
    // Sized for a loaded CI machine: the wait returns as soon as the node serves.
    public static readonly TimeSpan StartTimeout = Wait.Converge;
    private readonly TempDirectory directory;
    private readonly bool transitioning;
    private readonly IReadOnlyList<string> extraArguments;
    private ChildProcess? process;

    private GitalyLiteNode(string storage, string token, bool transitioning, IReadOnlyList<string>? extraArguments)
    {
        this.extraArguments = extraArguments ?? [];
        Storage = storage;
        Token = token;
        this.transitioning = transitioning;
        directory = new TempDirectory("gitaly-lite-" + storage);
        Directory.CreateDirectory(StorageDir);
        Port = TestPorts.Candidate();
    }

    /// <summary>The built gitaly-lite executable (override with GITALY_LITE_PATH); also the ssh bridge.</summary>
    public static string ExecutablePath => BuiltExecutable.Find("GitalyLite", "gitaly-lite", "GITALY_LITE_PATH");

    public string Storage { get; }
    public string Token { get; }
    public int Port { get; private set; }
    public string Address => $"tcp://127.0.0.1:{Port}";
    public string StorageDir => directory.Combine("storage");

    /// <summary>The running process (null while stopped); its <see cref="ChildProcess.Log"/> holds the JSON logs.</summary>
    public ChildProcess? Process => process;

    /// <summary>Full path of a repository in this node's storage.</summary>
    public string RepositoryPath(string relativePath) => Path.Combine(StorageDir, relativePath);

    /// <summary>
    /// Starts a node with storage <paramref name="storageName"/> (and <c>serve</c> flags
    /// <paramref name="extraArguments"/>, e.g. <c>--vote-timeout 1</c>) and waits until its health check is SERVING.
    /// </summary>
    public static async Task<GitalyLiteNode> StartAsync(string storageName, string token, bool transitioning = false, IReadOnlyList<string>? extraArguments = null)
    {
        var node = new GitalyLiteNode(storageName, token, transitioning, extraArguments);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await node.StartAsync();
                    return node;
                }
                catch (WaitAbortedException) when (attempt < TestPorts.StartAttempts && node.process is { } failed && TestPorts.IsAddressInUse(failed.Log))
                {
                    // Another process took the candidate port before the node bound it: try another.
                    node.Port = TestPorts.Candidate();
                }
            }
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    /// <summary>(Re)starts the process on the same port and storage directory.</summary>
    public async Task StartAsync()
    {
        if (process is { HasExited: false })
        {
            return;
        }

        if (process is not null)
        {
            await process.DisposeAsync();
        }

        var arguments = new List<string> { "serve", "--listen", $"127.0.0.1:{Port}", "--storage", $"{Storage}={StorageDir}" };
        if (transitioning)
        {
            arguments.Add("--transitioning");
        }

        arguments.AddRange(extraArguments);

        process = ChildProcess.Start($"gitaly-lite {Storage}", ExecutablePath, arguments,
            new Dictionary<string, string> { ["GITALY_LITE_TOKEN"] = Token });
        await WaitUntilServingAsync(process);
    }

    /// <summary>Graceful stop (SIGTERM, then kill after a grace period).</summary>
    public async Task StopAsync()
    {
        if (process is not null)
        {
            await process.StopAsync(TimeSpan.FromSeconds(10));
        }
    }

    /// <summary>Kills the process at once, like a crash.</summary>
    public void Kill() => process?.Kill();

    public GrpcChannel OpenChannel() => GitalyChannel.Open(Address);

    public async ValueTask DisposeAsync()
    {
        if (process is not null)
        {
            await process.DisposeAsync();
        }

        directory.Dispose();
    }

    private async Task WaitUntilServingAsync(ChildProcess child)
    {
        using var channel = OpenChannel();
        var health = new Health.HealthClient(channel);
        await Wait.UntilAsync(async () =>
        {
            if (child.HasExited)
            {
                throw new WaitAbortedException($"gitaly-lite '{Storage}' exited with {child.ExitCode}:{Environment.NewLine}{child.Log}");
            }

            var reply = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2));
            return reply.Status == HealthCheckResponse.Types.ServingStatus.Serving;
        }, StartTimeout, $"gitaly-lite '{Storage}' on {Address} to report SERVING");
    }
}
