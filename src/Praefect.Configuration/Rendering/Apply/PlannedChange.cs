namespace Praefect.Configuration.Rendering.Apply;

/// <summary>
/// What applying one entry does. <see cref="OldContent"/> is the file's current text (for the
/// diff and for deciding reload vs restart); <see cref="ModeOnly"/> marks a change of mode alone.
/// A removed file has no entry, only its <see cref="Path"/>.
/// </summary>
public sealed record PlannedChange(ChangeKind Kind, string Path, RenderedEntry? Entry, string? OldContent, bool ModeOnly = false)
{
    public string Describe() => Entry switch
    {
        null => "",
        { Kind: EntryKind.Symlink } e => $" -> {e.LinkTarget}",
        { Kind: EntryKind.Directory } e => $" (directory {e.ModeText} {e.Owner}:{e.Group})",
        var e => $" ({e.ModeText} {e.Owner}:{e.Group})",
    };
}
