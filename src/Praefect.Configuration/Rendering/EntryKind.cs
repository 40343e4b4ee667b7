namespace Praefect.Configuration.Rendering;

public enum EntryKind
{
    Directory,
    File,
    Symlink,
}
