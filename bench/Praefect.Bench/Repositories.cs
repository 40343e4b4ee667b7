using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Praefect.TestSupport;

namespace Praefect.Bench;

/// <summary>The benchmark's repositories, written straight into the node's storage directory.</summary>
internal static class Repositories
{
    public static async Task CreateSmallAsync(string bareTarget, string workTree)
    {
        await Git.CreateRepositoryAsync(workTree, commits: 2);
        await Git.RunAsync(Path.GetDirectoryName(bareTarget)!, "clone", "--bare", "--quiet", workTree, bareTarget);
    }

    /// <summary>A bare repository with one commit and <paramref name="count"/> branches pointing at it.</summary>
    public static async Task CreateManyRefsAsync(string bareTarget, int count)
    {
        var parent = Path.GetDirectoryName(bareTarget)!;
        var seed = bareTarget + ".seed";
        await Git.CreateRepositoryAsync(seed, commits: 1);
        await Git.RunAsync(parent, "clone", "--bare", "--quiet", seed, bareTarget);
        Directory.Delete(seed, recursive: true);
        var head = (await Git.RunAsync(bareTarget, "rev-parse", "HEAD")).Trim();
        // A packed-refs file written directly: the fastest way to 20,000 refs, and how a big repository stores them.
        var packed = new StringBuilder("# pack-refs with: peeled fully-peeled sorted \n");
        for (var i = 0; i < count; i++)
        {
            packed.Append(head).Append(" refs/heads/feature/branch-").Append(i.ToString("D6", CultureInfo.InvariantCulture)).Append('\n');
        }

        await File.WriteAllTextAsync(Path.Combine(bareTarget, "packed-refs"), packed.ToString());
    }

    /// <summary>About <paramref name="megabytes"/> MB of incompressible files in one commit.</summary>
    public static async Task CreateBigAsync(string bareTarget, string workTree, int megabytes)
    {
        await Git.CreateRepositoryAsync(workTree, commits: 1);
        var chunk = new byte[1024 * 1024];
        for (var i = 0; i < megabytes; i++)
        {
            RandomNumberGenerator.Fill(chunk);
            await File.WriteAllBytesAsync(Path.Combine(workTree, $"blob-{i:D4}.bin"), chunk);
        }

        await Git.RunAsync(workTree, "add", ".");
        await Git.RunAsync(workTree, "commit", "--quiet", "-m", "big");
        await Git.RunAsync(Path.GetDirectoryName(bareTarget)!, "clone", "--bare", "--quiet", "--no-local", workTree, bareTarget);
    }
}
