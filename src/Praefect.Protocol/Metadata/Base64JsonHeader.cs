using System.Text;
using System.Text.Json;

namespace Praefect.Protocol.Metadata;

/// <summary>
/// Gitaly's convention for structured request metadata: base64 of a JSON document. Written once
/// for every such header (gitaly-servers, gitaly-reference-transaction, gitaly-praefect-server).
/// </summary>
public static class Base64JsonHeader
{
    public static string Encode<T>(T value) => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(value));

    /// <summary>Decodes a header value; returns false with a reason naming the header instead of throwing.</summary>
    public static bool TryDecode<T>(string headerName, string? value, out T? decoded, out string error)
        where T : class
    {
        decoded = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            error = $"the {headerName} header is missing";
            return false;
        }

        byte[] json;
        try
        {
            json = Convert.FromBase64String(value.Trim());
        }
        catch (FormatException)
        {
            error = $"the {headerName} header is not valid base64";
            return false;
        }

        try
        {
            decoded = JsonSerializer.Deserialize<T>(json);
        }
        catch (JsonException e)
        {
            error = $"the {headerName} header is not valid JSON: {e.Message}";
            return false;
        }

        if (decoded is null)
        {
            error = $"the {headerName} header is empty";
            return false;
        }

        error = "";
        return true;
    }

    /// <summary>The JSON inside a header value, for readable test output and debug logs (never for headers holding tokens).</summary>
    public static string DecodeToJson(string value) => Encoding.UTF8.GetString(Convert.FromBase64String(value));
}
