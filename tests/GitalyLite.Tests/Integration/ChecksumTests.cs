using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Gitaly;
using Grpc.Core;
using Praefect.TestSupport;

namespace GitalyLite.Tests.Integration;

public sealed class ChecksumTests : NodeFixture
{
    private static readonly string[] CountedNamespaces =
        ["refs/heads/", "refs/tags/", "refs/keep-around/", "refs/merge-requests/", "refs/environments/", "refs/notes/"];


    [Test]
    public async Task CalculateChecksum_RepositoryWithRefsInManyNamespaces_EqualsIndependentComputation()
    {
        var bare = await SeedRepositoryAsync("known.git", commits: 4);
        foreach (var reference in new[] { "refs/keep-around/a", "refs/merge-requests/1/head", "refs/environments/prod", "refs/notes/commits", "refs/pipelines/7", "refs/remotes/origin/x" })
        {
            await Git.RunAsync(bare, "update-ref", reference, "HEAD~1");
        }

        await Git.RunAsync(bare, "tag", "-a", "v1", "-m", "annotated", "HEAD~2");
        var checksum = await Clients.ChecksumAsync(RepositoryClients.Repo(Storage, "known.git"));

        Assert.That(checksum, Is.EqualTo(await IndependentChecksumAsync(bare)));
        Assert.That(checksum, Does.Match("^[0-9a-f]{2,40}$"));
    }

    [Test]
    public async Task CalculateChecksum_EmptyRepository_FortyZeros()
    {
        var repository = RepositoryClients.Repo(Storage, "empty.git");
        await Clients.CreateAsync(repository);

        Assert.That(await Clients.ChecksumAsync(repository), Is.EqualTo("0000000000000000000000000000000000000000"));
    }

    [Test]
    public void CalculateChecksum_DirectoryIsNotARepository_DataLoss()
    {
        Directory.CreateDirectory(Path.Combine(Node.RepositoryPath("plain.git"), "sub"));

        var error = Assert.ThrowsAsync<RpcException>(async () => await Clients.ChecksumAsync(RepositoryClients.Repo(Storage, "plain.git")));

        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.DataLoss));
        Assert.That(error.Status.Detail, Is.EqualTo("CalculateChecksum: not a git repository \"default/plain.git\""));
    }

    [Test]
    public void CalculateChecksum_MissingRepository_NotFound()
    {
        var error = Assert.ThrowsAsync<RpcException>(async () => await Clients.ChecksumAsync(RepositoryClients.Repo(Storage, "absent.git")));

        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.NotFound));
    }

    // The definition, computed from for-each-ref and rev-parse rather than show-ref, with big integers.
    private static async Task<string> IndependentChecksumAsync(string gitDirectory)
    {
        var lines = (await Git.ForEachRefAsync(gitDirectory)).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => CountedNamespaces.Any(prefix => line.Split(' ')[1].StartsWith(prefix, StringComparison.Ordinal)))
            .Prepend((await Git.RunAsync(gitDirectory, "rev-parse", "HEAD")).Trim() + " HEAD");
        var sum = BigInteger.Zero;
        foreach (var line in lines)
        {
            sum ^= new BigInteger(SHA1.HashData(Encoding.UTF8.GetBytes(line)), isUnsigned: true, isBigEndian: true);
        }

        return Convert.ToHexStringLower(sum.ToByteArray(isUnsigned: true, isBigEndian: true));
    }
}
