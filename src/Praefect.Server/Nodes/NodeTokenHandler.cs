using System.Net.Http.Headers;
using Praefect.Protocol.Auth;
using Praefect.Server.Logging;

namespace Praefect.Server.Nodes;

/// <summary>
/// Replaces the client's <c>authorization</c> header (praefect's own token) with a v2 token for this
/// node's secret. The secret can change on reload; calls already sent keep the token they had.
/// The header value is computed once per second (v2 tokens carry a one-second timestamp). Adds the
/// correlation id (<see cref="Correlation"/>) to calls that do not carry one.
/// </summary>
internal sealed class NodeTokenHandler : DelegatingHandler
{
    private volatile string _secret;
    private volatile CachedHeader? _cached;

    public NodeTokenHandler(HttpMessageHandler inner, string secret) : base(inner) => _secret = secret;

    public string Secret
    {
        get => _secret;
        set
        {
            _secret = value;
            _cached = null;
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove(GitalyToken.HeaderName);
        if (!request.Headers.Contains(Correlation.Header))
        {
            // praefect's own calls (replication, health checks, fan-out) carry the id of their work, or a new one.
            request.Headers.TryAddWithoutValidation(Correlation.Header, Correlation.Current ?? Correlation.New());
        }

        var header = CurrentHeader();
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation(GitalyToken.HeaderName, header);
        }

        return base.SendAsync(request, cancellationToken);
    }

    private string? CurrentHeader()
    {
        var secret = _secret;
        if (secret.Length == 0)
        {
            return null;
        }

        var now = DateTimeOffset.UtcNow;
        var second = now.ToUnixTimeSeconds();
        var cached = _cached;
        if (cached is not null && cached.Second == second && ReferenceEquals(cached.Secret, secret))
        {
            return cached.Value;
        }

        var value = GitalyToken.CreateV2(secret, now);
        _cached = new CachedHeader(second, secret, value);
        return value;
    }

    private sealed record CachedHeader(long Second, string Secret, string Value);
}
