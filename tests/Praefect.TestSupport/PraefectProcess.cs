using System.Runtime.InteropServices;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Praefect.Configuration.Runtime;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Praefect.TestSupport;

/// <summary>
/// A real praefect process (the built executable) running a config.yml rendered from a
/// <see cref="RuntimeConfig"/> in a temp directory, on a free loopback port. Waits for health
/// SERVING; logs are captured by its <see cref="ChildProcess"/>. Disposing stops it and deletes the directory.
/// </summary>
public sealed class PraefectProcess : IAsyncDisposable
{
    // Sized for a loaded CI machine (several praefects starting at once): the wait returns as soon as it serves.
    public static readonly TimeSpan StartTimeout = Wait.Converge;
    private const int SigHup = 1;
    private const int SigTerm = 15;

    private static readonly ISerializer Yaml = new SerializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    private readonly TempDirectory _directory;

    private PraefectProcess(RuntimeConfig config, TempDirectory directory, ChildProcess process)
    {
        Config = config;
        _directory = directory;
        Process = process;
    }

    /// <summary>The built praefect executable (override with PRAEFECT_PATH).</summary>
    public static string ExecutablePath => BuiltExecutable.Find("Praefect.Server", "praefect", "PRAEFECT_PATH");

    public RuntimeConfig Config { get; private set; }

    public ChildProcess Process { get; }

    public string ConfigPath => _directory.Combine("config.yml");

    public string Directory => _directory.Path;

    /// <summary>The h2c address clients dial, <c>tcp://127.0.0.1:port</c>.</summary>
    public string Address => "tcp://" + Config.ListenAddr;

    /// <summary>
    /// A config for one virtual storage whose first node is the primary, listening on a free port,
    /// with JSON logs at debug level and a free metrics port.
    /// </summary>
    public static RuntimeConfig ConfigFor(string virtualStorage, string authToken, params (string Storage, string Address, string Token)[] nodes)
    {
        var config = new RuntimeConfig
        {
            ListenAddr = $"127.0.0.1:{TestPorts.Candidate()}",
            PrometheusListenAddr = $"127.0.0.1:{TestPorts.Candidate()}",
            Auth = new AuthConfig { Token = authToken },
            Logging = new LoggingConfig { Level = "debug", Format = "json" },
            GracefulStopTimeoutSeconds = 10,
        };
        config.VirtualStorages.Add(VirtualStorage(virtualStorage, nodes));
        return config;
    }

    /// <summary>A virtual storage whose first node is the primary.</summary>
    public static VirtualStorageConfig VirtualStorage(string name, params (string Storage, string Address, string Token)[] nodes) => new()
    {
        Name = name,
        Nodes = nodes.Select((n, i) => new NodeConfig { Storage = n.Storage, Address = n.Address, Token = n.Token, Primary = i == 0 }).ToList(),
    };

    /// <summary>The config as praefect reads it (snake_case YAML).</summary>
    public static string Render(RuntimeConfig config) => Yaml.Serialize(config);

    /// <summary>
    /// Writes the config, starts praefect and waits until its health check is SERVING. When a listen
    /// port was taken before praefect bound it, the loopback listen addresses get fresh ports and
    /// praefect is started again (the caller's <paramref name="config"/> is updated).
    /// <paramref name="launcher"/> is a program that execs praefect (e.g. nohup), started in its place.
    /// </summary>
    public static async Task<PraefectProcess> StartAsync(RuntimeConfig config, string? launcher = null)
    {
        var ownDataDir = config.DataDir == new RuntimeConfig().DataDir;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(config, launcher);
            }
            catch (WaitAbortedException e) when (attempt < TestPorts.StartAttempts && TestPorts.IsAddressInUse(e.Message))
            {
                config.ListenAddr = FreshLoopbackPort(config.ListenAddr);
                config.PrometheusListenAddr = FreshLoopbackPort(config.PrometheusListenAddr);
                config.TlsListenAddr = FreshLoopbackPort(config.TlsListenAddr);
                if (ownDataDir)
                {
                    config.DataDir = new RuntimeConfig().DataDir; // the failed attempt's temp dir is gone
                }
            }
        }
    }

    private static string FreshLoopbackPort(string address) =>
        address.StartsWith("127.0.0.1:", StringComparison.Ordinal) ? $"127.0.0.1:{TestPorts.Candidate()}" : address;

    private static async Task<PraefectProcess> StartOnceAsync(RuntimeConfig config, string? launcher)
    {
        var directory = new TempDirectory("praefect");
        if (config.DataDir == new RuntimeConfig().DataDir)
        {
            config.DataDir = directory.Combine("data");
        }

        // Omnibus creates the data dir at reconfigure time; praefect expects it to exist.
        System.IO.Directory.CreateDirectory(config.DataDir);

        await File.WriteAllTextAsync(directory.Combine("config.yml"), Render(config));
        string[] arguments = ["--config", directory.Combine("config.yml")];
        var process = launcher is null
            ? ChildProcess.Start("praefect", ExecutablePath, arguments)
            : ChildProcess.Start("praefect", launcher, [ExecutablePath, .. arguments]);
        var praefect = new PraefectProcess(config, directory, process);
        try
        {
            await praefect.WaitUntilServingAsync();
            return praefect;
        }
        catch
        {
            await praefect.DisposeAsync();
            throw;
        }
    }

    public GrpcChannel OpenChannel() => GitalyChannel.Open(Address);

    /// <summary>Writes <paramref name="config"/>, sends SIGHUP and waits until praefect logged the reload.</summary>
    public async Task ReloadAsync(RuntimeConfig config)
    {
        var before = CountLines("\"Configuration reloaded");
        await File.WriteAllTextAsync(ConfigPath, Render(config));
        Signal(SigHup);
        // A praefect that died (e.g. of the SIGHUP itself) says so at once, with its log, instead of a timeout.
        await Wait.UntilAsync(() => Process.HasExited
            ? throw new WaitAbortedException($"praefect exited with {Process.ExitCode} after SIGHUP, before logging the reload:{Environment.NewLine}{Process.Log}")
            : CountLines("\"Configuration reloaded") > before, Wait.Patient, "praefect to log the configuration reload");
        Config = config;
    }

    /// <summary>Sends SIGHUP (reload the config file as it is) without waiting.</summary>
    public void Hangup() => Signal(SigHup);

    /// <summary>Sends SIGTERM (graceful stop) without waiting.</summary>
    public void Terminate() => Signal(SigTerm);

    /// <summary>The captured log lines that contain <paramref name="text"/>.</summary>
    public IReadOnlyList<string> LinesContaining(string text) =>
        Process.Lines.Where(l => l.Contains(text, StringComparison.Ordinal)).ToList();

    public async ValueTask DisposeAsync()
    {
        await Process.StopAsync(TimeSpan.FromSeconds(15));
        await Process.DisposeAsync();
        _directory.Dispose();
    }

    private int CountLines(string text) => Process.Lines.Count(l => l.Contains(text, StringComparison.Ordinal));

    private void Signal(int signal)
    {
        if (SendSignal(Process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"cannot send signal {signal} to praefect (pid {Process.Id})");
        }
    }

    private async Task WaitUntilServingAsync()
    {
        using var channel = OpenChannel();
        var health = new Health.HealthClient(channel);
        await Wait.UntilAsync(async () =>
        {
            if (Process.HasExited)
            {
                throw new WaitAbortedException($"praefect exited with {Process.ExitCode}:{Environment.NewLine}{Process.Log}");
            }

            var reply = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2));
            return reply.Status == HealthCheckResponse.Types.ServingStatus.Serving;
        }, StartTimeout, $"praefect on {Address} to report SERVING");
    }

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int SendSignal(int pid, int signal);
}
