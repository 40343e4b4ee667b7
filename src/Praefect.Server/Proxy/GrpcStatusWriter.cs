using System.Globalization;
using System.Text;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Praefect.Server.Proxy;

/// <summary>Writes and reads the gRPC status of a call on the raw HTTP/2 response.</summary>
internal static class GrpcStatusWriter
{
    /// <summary>
    /// Answers with a trailers-only response (one HEADERS frame with grpc-status), which is what gRPC
    /// servers send for an error before any message. Only valid before the response started.
    /// </summary>
    public static void WriteTrailersOnly(HttpContext context, StatusCode code, string message)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)code).ToString(CultureInfo.InvariantCulture);
        if (message.Length > 0)
        {
            response.Headers["grpc-message"] = PercentEncode(message);
        }
    }

    /// <summary>
    /// Ends the call with <paramref name="code"/>: trailers-only before the response started, else in
    /// the trailers (HTTP/2 sends them when the handler returns). A response already complete is left alone.
    /// </summary>
    public static void WriteStatus(HttpContext context, StatusCode code, string message)
    {
        if (!context.Response.HasStarted)
        {
            context.Response.Clear();
            WriteTrailersOnly(context, code, message);
            return;
        }

        var trailers = context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers;
        if (trailers is null || trailers.IsReadOnly)
        {
            return;
        }

        trailers["grpc-status"] = ((int)code).ToString(CultureInfo.InvariantCulture);
        trailers["grpc-message"] = PercentEncode(message);
    }

    /// <summary>The call's grpc-status from the trailers, or from the headers of a trailers-only response.</summary>
    public static StatusCode? Read(HttpContext context)
    {
        var value = context.Response.Headers["grpc-status"];
        if (value.Count == 0)
        {
            var trailers = context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers;
            if (trailers is not null)
            {
                value = trailers["grpc-status"];
            }
        }

        return value.Count > 0 && int.TryParse(value[0], NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            ? (StatusCode)code
            : null;
    }

    // grpc-message is percent-encoded UTF-8: everything outside printable ASCII, and '%' itself.
    private static string PercentEncode(string message)
    {
        var bytes = Encoding.UTF8.GetBytes(message);
        var encoded = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            if (b is >= 0x20 and <= 0x7E && b != (byte)'%')
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }
}
