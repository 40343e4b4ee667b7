using Praefect.Configuration.Rendering.Apply;
using System.Security.Cryptography;

namespace Praefect.Ctl.Tests.Reconfigure;

/// <summary>A temp dir holding a gitlab.rb and a --root to render into; deleted on dispose.</summary>
internal sealed class TempRoot : IDisposable
{
    public TempRoot()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("praefect-ctl-test-").FullName;
        Root = Path.Combine(Directory, "root");
        GitlabRb = Path.Combine(Directory, "gitlab.rb");
    }

    public string Directory { get; }

    public string Root { get; }

    public string GitlabRb { get; }

    public string UnderRoot(string path) => Root + path;

    public void WriteGitlabRb(string text) => File.WriteAllText(GitlabRb, text);

    /// <summary>Path -> SHA-256 of every file and link target under the root.</summary>
    public IReadOnlyDictionary<string, string> Snapshot() =>
        System.IO.Directory.Exists(Root)
            ? System.IO.Directory.EnumerateFileSystemEntries(Root, "*", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal)
                .ToDictionary(p => p[Root.Length..], Hash)
            : new Dictionary<string, string>();

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private static string Hash(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is { } target)
        {
            return "link:" + target;
        }

        return System.IO.Directory.Exists(path)
            ? "dir:" + Convert.ToString((int)UnixFileModes.Get(path), 8)
            : Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))) + ":" + Convert.ToString((int)UnixFileModes.Get(path), 8);
    }
}
