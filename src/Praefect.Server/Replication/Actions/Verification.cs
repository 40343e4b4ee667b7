using Gitaly;

namespace Praefect.Server.Replication.Actions;

/// <summary>
/// What replication is responsible for, compared on two nodes: the refs and HEAD (CalculateChecksum) and
/// info/attributes (GetInfoAttributes, where both nodes serve it).
/// </summary>
internal static class Verification
{
    /// <summary>Null when the copies match; otherwise what differs.</summary>
    public static async Task<string?> DifferenceAsync(NodeCalls calls, string relativePath, ReplicationNode source, ReplicationNode target, CancellationToken cancellationToken)
    {
        var sourceChecksum = await ChecksumAsync(calls, source, relativePath, cancellationToken).ConfigureAwait(false);
        var targetChecksum = await ChecksumAsync(calls, target, relativePath, cancellationToken).ConfigureAwait(false);
        if (sourceChecksum != targetChecksum)
        {
            return $"checksum mismatch: \"{source.Storage}\" has {sourceChecksum}, \"{target.Storage}\" has {targetChecksum}";
        }

        var sourceAttributes = await calls.InfoAttributesAsync(source, relativePath, cancellationToken).ConfigureAwait(false);
        var targetAttributes = sourceAttributes is null ? null : await calls.InfoAttributesAsync(target, relativePath, cancellationToken).ConfigureAwait(false);
        if (sourceAttributes is not null && targetAttributes is not null && !sourceAttributes.AsSpan().SequenceEqual(targetAttributes))
        {
            return $"info/attributes mismatch: \"{source.Storage}\" has {sourceAttributes.Length} bytes, \"{target.Storage}\" has {targetAttributes.Length} bytes";
        }

        return null;
    }

    private static Task<string> ChecksumAsync(NodeCalls calls, ReplicationNode node, string relativePath, CancellationToken cancellationToken) =>
        NodeCalls.RunAsync(node, "CalculateChecksum", async () => (await new RepositoryService.RepositoryServiceClient(node.Invoker).CalculateChecksumAsync(
            new CalculateChecksumRequest { Repository = NodeCalls.On(node, relativePath) }, null, calls.Short, cancellationToken).ConfigureAwait(false)).Checksum, cancellationToken);
}
