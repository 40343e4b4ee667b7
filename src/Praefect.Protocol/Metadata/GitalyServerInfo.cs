using System.Text.Json.Serialization;

namespace Praefect.Protocol.Metadata;

/// <summary>How one storage is reached: the value type of the <c>gitaly-servers</c> header.</summary>
public sealed record GitalyServerInfo(
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("token")] string Token);
