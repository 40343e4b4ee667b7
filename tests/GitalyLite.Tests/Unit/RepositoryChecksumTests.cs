using CsCheck;
using GitalyLite.Storage;

namespace GitalyLite.Tests.Unit;

public sealed class RepositoryChecksumTests
{
    private const string Oid = "1e292f8fedd741b75372e19097c76d327140c312";

    [Test]
    public void FromShowRefLines_NoLines_FortyZeros()
    {
        Assert.That(RepositoryChecksum.FromShowRefLines([]), Is.EqualTo("0000000000000000000000000000000000000000"));
    }

    [Test]
    public void FromShowRefLines_OnlyUncountedRefs_FortyZeros()
    {
        Assert.That(RepositoryChecksum.FromShowRefLines([$"{Oid} refs/remotes/origin/main", $"{Oid} refs/pipelines/1", $"{Oid} refs/headsx/a"]),
            Is.EqualTo(RepositoryChecksum.Blank));
    }

    [Test]
    public void FromShowRefLines_OneBranch_Sha1OfTheLine()
    {
        // sha1("1e29...c312 refs/heads/master") computed with `printf %s '...' | sha1sum`.
        Assert.That(RepositoryChecksum.FromShowRefLines([$"{Oid} refs/heads/master"]), Is.EqualTo("652ced466caa47063a31ddd5115dfe8dc0d4c58e"));
    }

    [Test]
    public void FromShowRefLines_SameLineTwice_CancelsOut()
    {
        Assert.That(RepositoryChecksum.FromShowRefLines([$"{Oid} refs/heads/a", $"{Oid} refs/tags/v1", $"{Oid} refs/heads/a"]),
            Is.EqualTo(RepositoryChecksum.FromShowRefLines([$"{Oid} refs/tags/v1"])));
    }

    [Test]
    public void FromShowRefLines_AnyOrder_SameChecksum()
    {
        var line = Gen.Select(Gen.String["0123456789abcdef"], Gen.OneOfConst("HEAD", "refs/heads/x", "refs/tags/y", "refs/notes/z", "refs/remotes/w"))
            .Select((oid, reference) => $"{oid} {reference}");
        line.List[0, 20].Sample(lines =>
            RepositoryChecksum.FromShowRefLines(lines) == RepositoryChecksum.FromShowRefLines(Enumerable.Reverse(lines).ToList()));
    }
}
