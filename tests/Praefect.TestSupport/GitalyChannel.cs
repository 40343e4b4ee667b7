using Grpc.Core;
using Grpc.Net.Client;
using Praefect.Protocol.Addressing;
using Praefect.Protocol.Auth;

namespace Praefect.TestSupport;

/// <summary>gRPC channels and auth headers for Gitaly-protocol addresses (<c>tcp://host:port</c>, <c>tls://host:port</c>, <c>unix:/path</c>).</summary>
public static class GitalyChannel
{
    /// <summary>A channel through <see cref="GitalyChannels"/>, the factory praefect and praefect-ctl use.</summary>
    public static GrpcChannel Open(string address) => GitalyChannels.Open(address);

    /// <summary>Request headers carrying a fresh v2 token for <paramref name="token"/> (none when it is empty).</summary>
    public static Metadata AuthHeaders(string token)
    {
        var headers = new Metadata();
        if (token.Length > 0)
        {
            headers.Add(GitalyToken.HeaderName, GitalyToken.CreateV2(token, DateTimeOffset.UtcNow));
        }

        return headers;
    }
}
