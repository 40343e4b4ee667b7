using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Praefect.Protocol.Metadata;

/// <summary>How one storage is reached: the value type of the <c>gitaly-servers</c> header.</summary>
public sealed record GitalyServerInfo(
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("token")] string Token);

/// <summary>
/// The <c>gitaly-servers</c> request metadata: base64 of JSON
/// <c>{"&lt;storage&gt;":{"address":"tcp://...","token":"..."}}</c>. It tells a node how to
/// reach another node, e.g. for FetchInternalRemote.
/// </summary>
public static class GitalyServers
{
    public const string HeaderName = "gitaly-servers";

    public static string Encode(IReadOnlyDictionary<string, GitalyServerInfo> servers) =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(servers));

    /// <summary>Decodes a header value; returns false with a reason instead of throwing on bad input.</summary>
    public static bool TryDecode(string? value, out IReadOnlyDictionary<string, GitalyServerInfo> servers, out string error)
    {
        servers = new Dictionary<string, GitalyServerInfo>();
        if (string.IsNullOrWhiteSpace(value))
        {
            error = "the gitaly-servers header is missing";
            return false;
        }

        byte[] json;
        try
        {
            json = Convert.FromBase64String(value.Trim());
        }
        catch (FormatException)
        {
            error = "the gitaly-servers header is not valid base64";
            return false;
        }

        try
        {
            var parsed = JsonSerializer.Deserialize<Dictionary<string, GitalyServerInfo>>(json);
            if (parsed is null)
            {
                error = "the gitaly-servers header holds no storages";
                return false;
            }

            servers = parsed;
            error = "";
            return true;
        }
        catch (JsonException e)
        {
            error = "the gitaly-servers header is not valid JSON: " + e.Message;
            return false;
        }
    }

    /// <summary>Encoding helper for readable test output.</summary>
    public static string DecodeToJson(string value) => Encoding.UTF8.GetString(Convert.FromBase64String(value));
}
