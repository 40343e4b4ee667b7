namespace Praefect.Configuration.Rendering;

/// <summary>
/// One rendered directory, file or symlink: its path on the target system (without the
/// <c>--root</c> prefix), mode, owner and content. <see cref="Template"/> names the template that
/// produced a file's content.
/// </summary>
public sealed record RenderedEntry(
    EntryKind Kind,
    EntryRole Role,
    string Path,
    UnixFileMode Mode,
    string Owner,
    string Group,
    string Content = "",
    string? Template = null,
    string? LinkTarget = null)
{
    /// <summary>Octal mode as written in manifests and output, e.g. <c>0640</c>.</summary>
    public string ModeText => "0" + Convert.ToString((int)Mode, 8);

    /// <summary>One manifest line: <c>file 0640 root:git /var/opt/gitlab/praefect/config.yml</c>.</summary>
    public string ManifestLine => Kind switch
    {
        EntryKind.Symlink => $"link {Path} -> {LinkTarget}",
        EntryKind.Directory => $"dir  {ModeText} {Owner}:{Group} {Path}",
        _ => $"file {ModeText} {Owner}:{Group} {Path}",
    };
}
