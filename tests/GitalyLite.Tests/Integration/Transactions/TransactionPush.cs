using System.Security.Cryptography;
using System.Text;
using Praefect.Protocol.Transactions;
using Praefect.TestSupport;

namespace GitalyLite.Tests.Integration.Transactions;

/// <summary>Helpers of the reference-transaction tests: the two headers, expected hashes, pushes through a gateway.</summary>
public static class TransactionPush
{
    /// <summary>praefect's name for the voting node (the storage it votes as).</summary>
    public const string Voter = "gitaly-1";

    public static readonly string ZeroOid = new('0', 40);

    public static Dictionary<string, string> Headers(ulong id, PraefectServer server) => new()
    {
        [ReferenceTransaction.HeaderName] = new ReferenceTransaction(id, Voter, Primary: true).Encode(),
        [PraefectServer.HeaderName] = server.Encode(),
    };

    public static ulong NewTransactionId() => (ulong)Random.Shared.NextInt64(1, long.MaxValue);

    /// <summary>SHA-1 of exactly what git writes to the hook for these updates.</summary>
    public static byte[] HashOf(string updates) => SHA1.HashData(Encoding.UTF8.GetBytes(updates));

    /// <summary><c>git push</c> of <paramref name="refspecs"/> from <paramref name="source"/> over smart HTTP to the node, every RPC carrying <paramref name="headers"/>.</summary>
    public static async Task<GitResult> PushAsync(
        GitalyLiteNode node, string token, string relativePath, IReadOnlyDictionary<string, string>? headers, string source, params string[] refspecs)
    {
        await using var gateway = await SmartHttpGateway.StartAsync(node.Address, node.Storage, token, headers);
        return await Git.TryRunAsync(source, null, ["push", "--porcelain", gateway.UrlFor(relativePath), .. refspecs]);
    }

    public static async Task<string> HeadOfAsync(string repository, string revision = "HEAD") =>
        (await Git.RunAsync(repository, "rev-parse", revision)).Trim();
}
