using System.CommandLine;
using Grpc.Core;
using Grpc.Net.Client;
using Praefect.Configuration.Runtime;
using Praefect.Protocol.Addressing;
using Praefect.Protocol.Admin;
using Praefect.Protocol.Auth;

namespace Praefect.Subcommands.Admin;

/// <summary>
/// A connection to the running praefect's admin API, found from the rendered config and
/// authenticated with praefect's token (a fresh v2 token per call). Shared by the admin commands.
/// </summary>
internal sealed class AdminConnection : IDisposable
{
    public const string DefaultConfigPath = "/var/opt/gitlab/praefect/config.yml";

    private readonly GrpcChannel _channel;

    private AdminConnection(AdminEndpoint endpoint)
    {
        Endpoint = endpoint;
        var handler = GitalyChannels.Handler(endpoint.Address, new SocketsHttpHandler { UseProxy = false, ConnectTimeout = TimeSpan.FromSeconds(5) });
        _channel = GitalyChannels.Open(endpoint.Address, handler);
        Client = new PraefectAdmin.PraefectAdminClient(_channel);
    }

    public AdminEndpoint Endpoint { get; }

    public PraefectAdmin.PraefectAdminClient Client { get; }

    public static Option<string> ConfigOption() => new("--config", "-c")
    {
        Description = $"The rendered runtime config of the running praefect (default {DefaultConfigPath}); its listener and token are used.",
        DefaultValueFactory = _ => DefaultConfigPath,
    };

    /// <summary>Opens a connection for <paramref name="configPath"/>, or returns null after printing why not.</summary>
    public static AdminConnection? Open(string configPath, string command, CommandOutput output)
    {
        var config = RuntimeConfigLoader.LoadFile(configPath, out var error);
        if (config is null)
        {
            output.Error.WriteLine(error);
            return null;
        }

        return Open(config, command, output);
    }

    public static AdminConnection? Open(RuntimeConfig config, string command, CommandOutput output)
    {
        var endpoint = AdminEndpoint.From(config, out var error);
        if (endpoint is null)
        {
            output.Error.WriteLine($"{output.Program} {command}: error: {error}");
            return null;
        }

        return new AdminConnection(endpoint);
    }

    /// <summary>Call options with a fresh token and a deadline.</summary>
    public CallOptions Call(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var headers = new Metadata();
        if (Endpoint.Token.Length > 0)
        {
            headers.Add(GitalyToken.HeaderName, GitalyToken.CreateV2(Endpoint.Token, DateTimeOffset.UtcNow));
        }

        return new CallOptions(headers, DateTime.UtcNow + timeout, cancellationToken);
    }

    /// <summary>The one-line message for a failed admin call.</summary>
    public string Describe(RpcException e) => e.StatusCode switch
    {
        StatusCode.Unavailable => $"cannot reach praefect at {Endpoint.Display}: {e.Status.Detail}; is the praefect service running?",
        StatusCode.Unauthenticated or StatusCode.PermissionDenied => $"praefect at {Endpoint.Display} rejected the token from the config ({e.StatusCode}): {e.Status.Detail}",
        StatusCode.Unimplemented => $"praefect at {Endpoint.Display} does not serve the admin API (Unimplemented); is it an older version?",
        _ => $"{e.Status.Detail} ({e.StatusCode})",
    };

    public void Dispose() => _channel.Dispose();
}
