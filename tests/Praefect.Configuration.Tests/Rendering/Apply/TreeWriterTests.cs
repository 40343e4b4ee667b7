using Praefect.Configuration.Rendering;
using Praefect.Configuration.Rendering.Apply;

namespace Praefect.Configuration.Tests.Rendering.Apply;

public class TreeWriterTests
{
    private const UnixFileMode Mode0640 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
    private const UnixFileMode Mode0644 = Mode0640 | UnixFileMode.OtherRead;

    private string _root = null!;

    [SetUp]
    public void SetUp() => _root = Directory.CreateTempSubdirectory("praefect-tree-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_root, recursive: true);

    private static RenderedTree Tree(string content, UnixFileMode mode, string linkTarget) => new(
    [
        new RenderedEntry(EntryKind.Directory, EntryRole.Directory, "/d", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, "root", "root"),
        new RenderedEntry(EntryKind.File, EntryRole.RuntimeConfig, "/d/f", mode, "root", "root", content),
        new RenderedEntry(EntryKind.Directory, EntryRole.Directory, "/t", Mode0644 | UnixFileMode.UserExecute, "root", "root"),
        new RenderedEntry(EntryKind.Symlink, EntryRole.ServiceLink, "/link", default, "root", "root", LinkTarget: linkTarget),
    ], []);

    private IReadOnlyList<PlannedChange> Apply(RenderedTree tree)
    {
        var changes = TreeComparer.Compare(tree, _root);
        Assert.That(TreeWriter.Apply(changes, _root, new OwnerPolicy(apply: false, strict: false)), Is.Null);
        return changes;
    }

    [Test]
    public void Apply_ContentModeAndLinkChanges_EachDetectedAndWritten()
    {
        Apply(Tree("one\n", Mode0640, "d"));

        var modeOnly = Apply(Tree("one\n", Mode0644, "d"));
        var content = Apply(Tree("two\n", Mode0644, "d"));
        var link = Apply(Tree("two\n", Mode0644, "t"));

        Assert.That(modeOnly.Select(c => (c.Path, c.Kind, c.ModeOnly)), Does.Contain(("/d/f", ChangeKind.Changed, true)));
        Assert.That(content.Select(c => (c.Path, c.Kind, c.OldContent)), Does.Contain(("/d/f", ChangeKind.Changed, "one\n")));
        Assert.That(link.Select(c => (c.Path, c.Kind)), Does.Contain(("/link", ChangeKind.Changed)));
        Assert.That(File.ReadAllText(_root + "/d/f"), Is.EqualTo("two\n"));
        Assert.That(UnixFileModes.Get(_root + "/d/f"), Is.EqualTo(Mode0644));
        Assert.That(new FileInfo(_root + "/link").LinkTarget, Is.EqualTo("t"));
        Assert.That(TreeComparer.Compare(Tree("two\n", Mode0644, "t"), _root).Select(c => c.Kind), Is.All.EqualTo(ChangeKind.Unchanged));
    }

    [Test]
    public void Apply_TargetIsADirectory_ReportsThePathAndLeavesNoTempFile()
    {
        Directory.CreateDirectory(_root + "/d/f/inner");

        var error = TreeWriter.Apply(TreeComparer.Compare(Tree("x\n", Mode0640, "d"), _root), _root, new OwnerPolicy(apply: false, strict: false));

        Assert.That(error, Does.StartWith($"cannot write '{_root}/d/f': "));
        Assert.That(Directory.EnumerateFileSystemEntries(_root + "/d").Select(Path.GetFileName), Is.EqualTo(new[] { "f" }));
    }
}
