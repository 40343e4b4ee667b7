using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Gitaly;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Praefect.Configuration.Runtime;
using Praefect.Server.Tests.Support;
using Praefect.TestSupport;

namespace Praefect.Server.Tests.Integration;

/// <summary>The praefect executable: version, config errors, listeners, metrics and graceful stop.</summary>
[TestFixture]
public sealed class LifecycleTests
{
    private const string AuthToken = "lifecycle-secret";
    private static readonly TimeSpan ExitTimeout = Wait.Patient;

    [Test]
    public async Task Version_Flag_PrintsVersionAndExits0()
    {
        await using var process = ChildProcess.Start("praefect --version", PraefectProcess.ExecutablePath, ["--version"]);

        Assert.That(await process.WaitForExitAsync(ExitTimeout), Is.EqualTo(0));
        Assert.That(process.Lines.Single(), Does.EndWith("out: praefect, version 0.1.0"));
    }

    [Test]
    public async Task Start_YamlSyntaxError_PrintsFileLineColumnAndExits1()
    {
        using var directory = new TempDirectory();
        var path = directory.Combine("config.yml");
        await File.WriteAllTextAsync(path, "listen_addr: 127.0.0.1:2305\nvirtual_storages:\n  - name: [praefect\n");

        var (exitCode, stderr) = await RunAsync("--config", path);

        Assert.That(exitCode, Is.EqualTo(1));
        // The loader's wording is its own; praefect must print it with the file, line and column, then stop.
        Assert.That(stderr, Does.Match($"^{System.Text.RegularExpressions.Regex.Escape(path)}:[34]:[0-9]+: error: "));
    }

    [Test]
    public async Task Start_InvalidConfig_PrintsEveryErrorAndExits1()
    {
        using var directory = new TempDirectory();
        var path = directory.Combine("config.yml");
        var config = PraefectProcess.ConfigFor("praefect", AuthToken, ("git-1", "tcp://127.0.0.1:1", "t"), ("git-2", "", "t"));
        config.VirtualStorages[0].Nodes[1].Primary = true;
        config.Logging.Level = "loud";
        await File.WriteAllTextAsync(path, PraefectProcess.Render(config));

        var (exitCode, stderr) = await RunAsync("--config", path);

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[]
        {
            $"{path}: error: logging.level 'loud' is unknown; use debug, info, warn or error",
            $"{path}: error: virtual storage 'praefect': node 'git-2' has no address; set address: 'tcp://host:8075'",
            $"{path}: error: virtual storage 'praefect' has 2 primary nodes ('git-1', 'git-2'); set primary: true on exactly one node",
        }));
    }

    [Test]
    public async Task Start_MissingConfigFlag_UsageAndExits2()
    {
        var (exitCode, stderr) = await RunAsync();

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(stderr, Does.StartWith("praefect: --config is required"));
    }

    [Test]
    public async Task Start_StaleSocketFile_IsReplacedAndServes()
    {
        await using var node = await ScriptedNode.StartAsync("node-a", "node-secret");
        using var directory = new TempDirectory();
        var socketPath = directory.Combine("praefect.socket");
        var config = PraefectProcess.ConfigFor("praefect", AuthToken, ("node-a", node.Address, "node-secret"));
        config.SocketPath = socketPath;
        await using (var crashed = await PraefectProcess.StartAsync(config))
        {
            crashed.Process.Kill();
        }

        Assert.That(File.Exists(socketPath), Is.True, "a killed praefect leaves its socket file behind");
        config.ListenAddr = $"127.0.0.1:{TestPorts.Candidate()}";
        config.DataDir = new RuntimeConfig().DataDir;
        await using var praefect = await PraefectProcess.StartAsync(config);
        using var channel = GitalyChannel.Open("unix:" + socketPath);

        var reply = await new RepositoryService.RepositoryServiceClient(channel).RepositoryExistsAsync(
            new RepositoryExistsRequest { Repository = new Repository { StorageName = "praefect", RelativePath = "socket.git" } },
            GitalyChannel.AuthHeaders(AuthToken), DateTime.UtcNow.AddSeconds(30));

        Assert.That(reply.Exists, Is.True);
    }

    [Test]
    public async Task Start_TlsListener_ServesGrpcOverTls()
    {
        await using var node = await ScriptedNode.StartAsync("node-a", "node-secret");
        using var directory = new TempDirectory();
        using var certificate = SelfSignedCertificate();
        await File.WriteAllTextAsync(directory.Combine("cert.pem"), certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(directory.Combine("key.pem"), certificate.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
        var config = PraefectProcess.ConfigFor("praefect", AuthToken, ("node-a", node.Address, "node-secret"));
        config.TlsListenAddr = $"127.0.0.1:{TestPorts.Candidate()}";
        config.Tls.CertificatePath = directory.Combine("cert.pem");
        config.Tls.KeyPath = directory.Combine("key.pem");
        await using var praefect = await PraefectProcess.StartAsync(config);
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetCertHashString() == certificate.GetCertHashString();
        using var channel = GrpcChannel.ForAddress("https://" + config.TlsListenAddr, new GrpcChannelOptions { HttpHandler = handler });

        var reply = await new ServerService.ServerServiceClient(channel).ServerInfoAsync(new ServerInfoRequest(), GitalyChannel.AuthHeaders(AuthToken), DateTime.UtcNow.AddSeconds(30));

        Assert.That(reply.StorageStatuses.Single().StorageName, Is.EqualTo("praefect"));
    }

    [Test]
    public async Task Sigterm_CallInFlight_FinishesAndPraefectExits0()
    {
        await using var node = await ScriptedNode.StartAsync("node-a", "node-secret");
        await using var praefect = await PraefectProcess.StartAsync(PraefectProcess.ConfigFor("praefect", AuthToken, ("node-a", node.Address, "node-secret")));
        using var channel = praefect.OpenChannel();
        using var stream = new SSHService.SSHServiceClient(channel).SSHUploadPack(GitalyChannel.AuthHeaders(AuthToken), DateTime.UtcNow.AddSeconds(60));
        await stream.RequestStream.WriteAsync(new SSHUploadPackRequest { Repository = new Repository { StorageName = "praefect", RelativePath = "stop.git" }, Stdin = ByteString.CopyFromUtf8("one") });
        Assert.That(await stream.ResponseStream.MoveNext(), Is.True);

        praefect.Terminate();
        await Wait.UntilAsync(() => praefect.LinesContaining("praefect stopping").Count == 1, ExitTimeout, "praefect to begin stopping");
        await stream.RequestStream.WriteAsync(new SSHUploadPackRequest { Stdin = ByteString.CopyFromUtf8("two") });
        Assert.That(await stream.ResponseStream.MoveNext(), Is.True);
        Assert.That(stream.ResponseStream.Current.Stdout.ToStringUtf8(), Is.EqualTo("two"));
        await stream.RequestStream.CompleteAsync();
        while (await stream.ResponseStream.MoveNext())
        {
        }

        Assert.That(stream.GetStatus().StatusCode, Is.EqualTo(StatusCode.OK));
        Assert.That(await praefect.Process.WaitForExitAsync(ExitTimeout), Is.EqualTo(0));
    }

    [Test]
    public async Task Sigterm_CallOutlivesGracefulStopTimeout_IsCanceledOnTheNode()
    {
        await using var node = await ScriptedNode.StartAsync("node-a", "node-secret");
        var config = PraefectProcess.ConfigFor("praefect", AuthToken, ("node-a", node.Address, "node-secret"));
        config.GracefulStopTimeoutSeconds = 1;
        await using var praefect = await PraefectProcess.StartAsync(config);
        using var channel = praefect.OpenChannel();
        using var call = new RepositoryService.RepositoryServiceClient(channel).RepositoryExistsAsync(
            new RepositoryExistsRequest { Repository = new Repository { StorageName = "praefect", RelativePath = "hang.git" } },
            GitalyChannel.AuthHeaders(AuthToken), DateTime.UtcNow.AddSeconds(60));
        await Wait.ForAsync(node.State.HangStarted.Task, ExitTimeout, "the call to reach the node");

        praefect.Terminate();

        Assert.That(await Wait.ForAsync(node.State.CancellationSeen.Task, ExitTimeout, "the node to see the call canceled"), Is.EqualTo("/gitaly.RepositoryService/RepositoryExists"));
        Assert.ThrowsAsync<RpcException>(async () => await call.ResponseAsync);
        Assert.That(await praefect.Process.WaitForExitAsync(ExitTimeout), Is.EqualTo(0));
    }

    private static async Task<(int ExitCode, string Stderr)> RunAsync(params string[] arguments)
    {
        await using var process = ChildProcess.Start("praefect", PraefectProcess.ExecutablePath, arguments);
        var exitCode = await process.WaitForExitAsync(ExitTimeout);
        await Wait.UntilAsync(() => process.Lines.Count > 0, ExitTimeout, "praefect's output");
        var stderr = string.Join("\n", process.Lines.Where(l => l.Contains(" err: ", StringComparison.Ordinal)).Select(l => l[(l.IndexOf(" err: ", StringComparison.Ordinal) + 6)..]));
        return (exitCode, stderr);
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }
}
