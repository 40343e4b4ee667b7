using System.Text.Json.Serialization;
using Praefect.Protocol.Metadata;

namespace Praefect.Protocol.Transactions;

/// <summary>
/// The <c>gitaly-praefect-server</c> request metadata: how a node reaches praefect to cast its
/// vote (any one address is enough; the node prefers the socket, then plain TCP, then TLS) and the
/// token it authenticates with. Gitaly 13.x's JSON names. The value holds a secret: never log it.
/// </summary>
public sealed record PraefectServer(
    [property: JsonPropertyName("listen_addr")] string ListenAddr,
    [property: JsonPropertyName("tls_listen_addr")] string TlsListenAddr,
    [property: JsonPropertyName("socket_path")] string SocketPath,
    [property: JsonPropertyName("token")] string Token)
{
    public const string HeaderName = "gitaly-praefect-server";

    public string Encode() => Base64JsonHeader.Encode(this);

    public static bool TryDecode(string? value, out PraefectServer? server, out string error) =>
        Base64JsonHeader.TryDecode(HeaderName, value, out server, out error);

    /// <summary>Keeps the token out of logs and test output.</summary>
    public override string ToString() =>
        $"PraefectServer {{ ListenAddr = {ListenAddr}, TlsListenAddr = {TlsListenAddr}, SocketPath = {SocketPath}, Token = [redacted] }}";
}
