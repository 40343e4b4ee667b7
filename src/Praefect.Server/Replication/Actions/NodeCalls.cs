using Gitaly;
using Grpc.Core;
using Praefect.Protocol.Metadata;

namespace Praefect.Server.Replication.Actions;

/// <summary>The node calls the actions share: deadlines, the gitaly-servers header, and failures named by node and step.</summary>
internal sealed class NodeCalls(ReplicationOptions options, TimeProvider time)
{
    public DateTime Short => time.GetUtcNow().UtcDateTime + options.ShortCallTimeout;

    public DateTime Long => time.GetUtcNow().UtcDateTime + options.FetchTimeout;

    /// <summary>Names <paramref name="source"/> in the gitaly-servers header, so the target can reach it.</summary>
    public static Metadata Reaching(ReplicationNode source) => new()
    {
        { GitalyServers.HeaderName, GitalyServers.Encode(new Dictionary<string, GitalyServerInfo> { [source.Storage] = new(source.Address, source.Token) }) },
    };

    public static Repository On(ReplicationNode node, string relativePath) => new() { StorageName = node.Storage, RelativePath = relativePath };

    /// <summary>Runs one node call; a failure becomes a <see cref="ReplicationStepException"/> naming the node and step.</summary>
    public static async Task<T> RunAsync<T>(ReplicationNode node, string step, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ReplicationStepException(node, step, e);
        }
    }

    /// <summary>The repository's info/attributes on a node; null when the node does not serve GetInfoAttributes.</summary>
    public async Task<byte[]?> InfoAttributesAsync(ReplicationNode node, string relativePath, CancellationToken cancellationToken)
    {
        try
        {
            using var call = new RepositoryService.RepositoryServiceClient(node.Invoker).GetInfoAttributes(
                new GetInfoAttributesRequest { Repository = On(node, relativePath) }, null, Short, cancellationToken);
            using var content = new MemoryStream();
            while (await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false))
            {
                call.ResponseStream.Current.Attributes.WriteTo(content);
            }

            return content.ToArray();
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unimplemented)
        {
            return null;
        }
        catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ReplicationStepException(node, "GetInfoAttributes", e);
        }
    }
}
