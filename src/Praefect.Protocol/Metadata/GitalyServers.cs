namespace Praefect.Protocol.Metadata;

/// <summary>
/// The <c>gitaly-servers</c> request metadata: base64 of JSON
/// <c>{"&lt;storage&gt;":{"address":"tcp://...","token":"..."}}</c>. It tells a node how to
/// reach another node, e.g. for FetchInternalRemote.
/// </summary>
public static class GitalyServers
{
    public const string HeaderName = "gitaly-servers";

    public static string Encode(IReadOnlyDictionary<string, GitalyServerInfo> servers) => Base64JsonHeader.Encode(servers);

    /// <summary>Decodes a header value; returns false with a reason instead of throwing on bad input.</summary>
    public static bool TryDecode(string? value, out IReadOnlyDictionary<string, GitalyServerInfo> servers, out string error)
    {
        var ok = Base64JsonHeader.TryDecode<Dictionary<string, GitalyServerInfo>>(HeaderName, value, out var parsed, out error);
        servers = parsed ?? new Dictionary<string, GitalyServerInfo>();
        return ok;
    }

    /// <summary>Encoding helper for readable test output.</summary>
    public static string DecodeToJson(string value) => Base64JsonHeader.DecodeToJson(value);
}
