namespace Praefect.Configuration.Rendering.Apply;

public enum ChangeKind
{
    Unchanged,
    Created,
    Changed,
    Removed,
}
