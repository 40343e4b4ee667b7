using System.Security.Cryptography;
using Gitaly;
using Grpc.Core;
using Praefect.Configuration.Runtime;
using Praefect.Subcommands.Nodes;

namespace Praefect.Ctl.Commands.CheckConsistency;

/// <summary>A repository's info/attributes on one node, summarized for comparison (size and digest).</summary>
internal static class InfoAttributes
{
    /// <summary>"N bytes sha256:abcdef012345", or null when the node does not serve GetInfoAttributes or the call failed.</summary>
    public static async Task<string?> DescribeAsync(NodeClients clients, NodeConfig node, string relativePath, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            using var call = new RepositoryService.RepositoryServiceClient(clients.Invoker(node)).GetInfoAttributes(
                new GetInfoAttributesRequest { Repository = new Repository { StorageName = node.Storage, RelativePath = relativePath } },
                NodeClients.Headers(node), DateTime.UtcNow + timeout, cancellationToken);
            using var content = new MemoryStream();
            await foreach (var chunk in call.ResponseStream.ReadAllAsync(cancellationToken))
            {
                chunk.Attributes.WriteTo(content);
            }

            var bytes = content.ToArray();
            return $"{bytes.Length} bytes sha256:{Convert.ToHexStringLower(SHA256.HashData(bytes))[..12]}";
        }
        catch (RpcException)
        {
            return null;
        }
    }
}
