using Gitaly;
using Google.Protobuf;
using Grpc.Core;
using Praefect.Protocol.Addressing;
using Praefect.Protocol.Auth;

namespace GitalyLite.Bridge;

/// <summary>
/// <c>gitaly-lite ssh upload-pack|receive-pack [host command...]</c>: a drop-in for Gitaly's gitaly-ssh.
/// git runs it as <c>GIT_SSH_COMMAND</c>; the host and command git appends are ignored, the target
/// comes from GITALY_ADDRESS, GITALY_PAYLOAD (JSON of the SSH request) and GITALY_TOKEN. It shuttles
/// stdin/stdout/stderr through SSHUploadPack/SSHReceivePack and exits with the remote exit status.
/// </summary>
internal static class SshBridge
{
    private const int Failed = 1;
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public static async Task<int> RunAsync(string[] args)
    {
        var mode = args.Length > 0 ? args[0] : "";
        if (mode is not ("upload-pack" or "receive-pack"))
        {
            return Fail($"the first argument must be upload-pack or receive-pack, not '{mode}'; use GIT_SSH_COMMAND=\"gitaly-lite ssh upload-pack\"");
        }

        var address = Environment.GetEnvironmentVariable("GITALY_ADDRESS") ?? "";
        var payload = Environment.GetEnvironmentVariable("GITALY_PAYLOAD") ?? "";
        var token = Environment.GetEnvironmentVariable("GITALY_TOKEN") ?? "";
        if (address.Length == 0 || payload.Length == 0)
        {
            return Fail("GITALY_ADDRESS and GITALY_PAYLOAD must be set");
        }

        if (!GitalyAddress.TryParse(address, out var parsed, out var error))
        {
            return Fail("GITALY_ADDRESS: " + error);
        }

        var channel = GitalyChannels.Open(parsed);

        var headers = new Metadata();
        if (token.Length > 0)
        {
            headers.Add(GitalyToken.HeaderName, GitalyToken.CreateV2(token, DateTimeOffset.UtcNow));
        }

        using (channel)
        {
            try
            {
                var client = new SSHService.SSHServiceClient(channel);
                var gitProtocol = Environment.GetEnvironmentVariable("GIT_PROTOCOL") ?? "";
                return mode == "upload-pack"
                    ? await UploadPackAsync(client, payload, gitProtocol, headers)
                    : await ReceivePackAsync(client, payload, gitProtocol, headers);
            }
            catch (InvalidProtocolBufferException e)
            {
                return Fail("GITALY_PAYLOAD is not a valid SSH request: " + e.Message);
            }
            catch (RpcException e)
            {
                return Fail($"{e.StatusCode}: {e.Status.Detail}");
            }
        }
    }

    private static Task<int> UploadPackAsync(SSHService.SSHServiceClient client, string payload, string gitProtocol, Metadata headers)
    {
        var first = Parser.Parse<SSHUploadPackRequest>(payload);
        first.GitProtocol = first.GitProtocol.Length > 0 ? first.GitProtocol : gitProtocol;
        return BridgeSession.RunAsync(
            client.SSHUploadPack(headers), first, chunk => new SSHUploadPackRequest { Stdin = chunk },
            r => (r.Stdout, r.Stderr, r.ExitStatus));
    }

    private static Task<int> ReceivePackAsync(SSHService.SSHServiceClient client, string payload, string gitProtocol, Metadata headers)
    {
        var first = Parser.Parse<SSHReceivePackRequest>(payload);
        first.GitProtocol = first.GitProtocol.Length > 0 ? first.GitProtocol : gitProtocol;
        return BridgeSession.RunAsync(
            client.SSHReceivePack(headers), first, chunk => new SSHReceivePackRequest { Stdin = chunk },
            r => (r.Stdout, r.Stderr, r.ExitStatus));
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine("gitaly-lite ssh: " + message);
        return Failed;
    }
}
