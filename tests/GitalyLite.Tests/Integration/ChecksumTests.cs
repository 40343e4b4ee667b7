using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Gitaly;
using Grpc.Core;
using Praefect.TestSupport;

namespace GitalyLite.Tests.Integration;

[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class ChecksumTests
{
    private const string Token = "checksum-secret";
    private static readonly string[] CountedNamespaces =
        ["refs/heads/", "refs/tags/", "refs/keep-around/", "refs/merge-requests/", "refs/environments/", "refs/notes/"];

    private GitalyLiteNode node = null!;

    [OneTimeSetUp]
    public async Task StartNode() => node = await GitalyLiteNode.StartAsync("default", Token);

    [OneTimeTearDown]
    public async Task StopNode() => await node.DisposeAsync();

    [Test]
    public async Task CalculateChecksum_RepositoryWithRefsInManyNamespaces_EqualsIndependentComputation()
    {
        using var work = new TempDirectory();
        var source = await Git.CreateRepositoryAsync(work.Combine("source"), commits: 4);
        var bare = node.RepositoryPath("known.git");
        await Git.RunAsync(work.Path, "clone", "--bare", "--quiet", source, bare);
        foreach (var reference in new[] { "refs/keep-around/a", "refs/merge-requests/1/head", "refs/environments/prod", "refs/notes/commits", "refs/pipelines/7", "refs/remotes/origin/x" })
        {
            await Git.RunAsync(bare, "update-ref", reference, "HEAD~1");
        }

        await Git.RunAsync(bare, "tag", "-a", "v1", "-m", "annotated", "HEAD~2");
        using var channel = node.OpenChannel();

        var checksum = await new RepositoryClients(channel, Token).ChecksumAsync(RepositoryClients.Repo("default", "known.git"));

        Assert.That(checksum, Is.EqualTo(await IndependentChecksumAsync(bare)));
        Assert.That(checksum, Does.Match("^[0-9a-f]{2,40}$"));
    }

    [Test]
    public async Task CalculateChecksum_EmptyRepository_FortyZeros()
    {
        using var channel = node.OpenChannel();
        var clients = new RepositoryClients(channel, Token);
        var repository = RepositoryClients.Repo("default", "empty.git");
        await clients.CreateAsync(repository);

        Assert.That(await clients.ChecksumAsync(repository), Is.EqualTo("0000000000000000000000000000000000000000"));
    }

    [Test]
    public void CalculateChecksum_DirectoryIsNotARepository_DataLoss()
    {
        Directory.CreateDirectory(Path.Combine(node.RepositoryPath("plain.git"), "sub"));
        using var channel = node.OpenChannel();
        var clients = new RepositoryClients(channel, Token);

        var error = Assert.ThrowsAsync<RpcException>(async () => await clients.ChecksumAsync(RepositoryClients.Repo("default", "plain.git")));

        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.DataLoss));
        Assert.That(error.Status.Detail, Is.EqualTo("CalculateChecksum: not a git repository \"default/plain.git\""));
    }

    [Test]
    public void CalculateChecksum_MissingRepository_NotFound()
    {
        using var channel = node.OpenChannel();
        var clients = new RepositoryClients(channel, Token);

        var error = Assert.ThrowsAsync<RpcException>(async () => await clients.ChecksumAsync(RepositoryClients.Repo("default", "absent.git")));

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
