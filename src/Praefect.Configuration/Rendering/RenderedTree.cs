namespace Praefect.Configuration.Rendering;

/// <summary>
/// Everything reconfigure manages, in the order it is created (parents first).
/// <see cref="OwnedDirectories"/> are directories whose every file is rendered, so a file there
/// that is no longer rendered (a removed env variable) is deleted.
/// </summary>
public sealed record RenderedTree(IReadOnlyList<RenderedEntry> Entries, IReadOnlyList<string> OwnedDirectories)
{
    public static readonly RenderedTree Empty = new([], []);

    public IEnumerable<string> ManifestLines => Entries.Select(e => e.ManifestLine);
}
