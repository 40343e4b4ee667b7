using System.Text.Json.Serialization;
using Praefect.Protocol.Metadata;

namespace Praefect.Protocol.Transactions;

/// <summary>
/// The <c>gitaly-reference-transaction</c> request metadata praefect sends with a transactional
/// mutator: which transaction the node takes part in, under which storage name it votes, and
/// whether it is the primary. Gitaly 13.x's JSON names, so real Gitaly nodes can vote.
/// </summary>
public sealed record ReferenceTransaction(
    [property: JsonPropertyName("id")] ulong Id,
    [property: JsonPropertyName("node")] string Node,
    [property: JsonPropertyName("primary")] bool Primary)
{
    public const string HeaderName = "gitaly-reference-transaction";

    public string Encode() => Base64JsonHeader.Encode(this);

    public static bool TryDecode(string? value, out ReferenceTransaction? transaction, out string error) =>
        Base64JsonHeader.TryDecode(HeaderName, value, out transaction, out error);
}
