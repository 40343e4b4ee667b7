using System.Net.Http.Headers;
using Praefect.Protocol.Auth;

namespace Praefect.Server.Replication;

/// <summary>Adds a fresh v2 token for the node's secret to every request (none when the secret is empty).</summary>
internal sealed class ReplicationTokenHandler(HttpMessageHandler inner, string secret, TimeProvider time) : DelegatingHandler(inner)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (secret.Length > 0)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(GitalyToken.CreateV2(secret, time.GetUtcNow()));
        }

        return base.SendAsync(request, cancellationToken);
    }
}
