using CsCheck;
using Gitaly;
using Google.Protobuf;
using Praefect.Protocol.Registry;
using Praefect.Protocol.Rewriting;

namespace Praefect.Protocol.Tests;

public class RawRepositoryTests
{
    private static readonly FieldPath One = FieldPath.Parse("1");
    private static readonly FieldPath Two = FieldPath.Parse("2");

    private static Repository Repo(string storage, string path) => new()
    {
        StorageName = storage,
        RelativePath = path,
        GlRepository = "project-1",
        GitObjectDirectory = "objects/tmp",
        GitAlternateObjectDirectories = { "alt1", "alt2" },
    };

    [Test]
    public void TryRead_TopLevelRepository_ReadsStorageAndPath()
    {
        var bytes = new RepositoryExistsRequest { Repository = Repo("praefect", "group/project.git") }.ToByteArray();
        Assert.That(RawRepository.TryRead(bytes, One, out var repo, out var error), Is.True, error);
        Assert.That(repo, Is.EqualTo(new RepositoryRef("praefect", "group/project.git")));
    }

    [Test]
    public void TryRead_NoRepository_FoundIsNull()
    {
        var bytes = new RepositoryExistsRequest().ToByteArray();
        Assert.That(RawRepository.TryRead(bytes, One, out var repo, out _), Is.True);
        Assert.That(repo, Is.Null);
    }

    [Test]
    public void TryRewriteStorage_TargetAndAdditional_EqualsReserialisedMessage()
    {
        var request = new FetchInternalRemoteRequest { Repository = Repo("praefect", "a.git"), RemoteRepository = Repo("praefect", "b.git") };
        var bytes = request.ToByteArray();

        Assert.That(RawRepository.TryRewriteStorage(bytes, One, "praefect", "praefect-git-1", out var step1, out var e1), Is.True, e1);
        Assert.That(RawRepository.TryRewriteStorage(step1, Two, "praefect", "praefect-git-1", out var step2, out var e2), Is.True, e2);

        var expected = request.Clone();
        expected.Repository.StorageName = "praefect-git-1";
        expected.RemoteRepository.StorageName = "praefect-git-1";
        Assert.That(step2, Is.EqualTo(expected.ToByteArray()));
    }

    [Test]
    public void TryRewriteStorage_IntoPooledBuffer_SameBytesAsTheArrayForm()
    {
        var bytes = new RepositoryExistsRequest { Repository = new Repository { StorageName = "praefect", RelativePath = "a.git" } }.ToByteArray();
        Assert.That(RawRepository.TryRewriteStorage(bytes, One, "praefect", "praefect-git-1", out var expected, out var e1), Is.True, e1);

        Assert.That(RawRepository.TryRewriteStorage(bytes, One, "praefect", "praefect-git-1", System.Buffers.ArrayPool<byte>.Shared, out var rented, out var length, out var e2), Is.True, e2);

        Assert.That(rented.AsSpan(0, length).ToArray(), Is.EqualTo(expected));
        System.Buffers.ArrayPool<byte>.Shared.Return(rented);
    }

    [Test]
    public void TryRewriteStorage_OtherStorage_LeavesBytesUnchanged()
    {
        var bytes = new FetchInternalRemoteRequest { Repository = Repo("praefect", "a.git"), RemoteRepository = Repo("default", "b.git") }.ToByteArray();
        Assert.That(RawRepository.TryRewriteStorage(bytes, Two, "praefect", "node", out var rewritten, out _), Is.True);
        Assert.That(rewritten, Is.EqualTo(bytes));
    }

    [Test]
    public void TryRewriteStorage_NestedPath_RewritesHeaderOnly()
    {
        var header = new UserCommitFilesRequestHeader
        {
            Repository = Repo("praefect", "a.git"),
            BranchName = ByteString.CopyFromUtf8("main"),
            StartRepository = Repo("praefect", "start.git"),
        };
        var bytes = new UserCommitFilesRequest { Header = header }.ToByteArray();

        Assert.That(RawRepository.TryRewriteStorage(bytes, FieldPath.Parse("1.1"), "praefect", "node-2", out var rewritten, out var error), Is.True, error);

        var parsed = UserCommitFilesRequest.Parser.ParseFrom(rewritten);
        Assert.That(parsed.Header.Repository.StorageName, Is.EqualTo("node-2"));
        Assert.That(parsed.Header.StartRepository.StorageName, Is.EqualTo("praefect"));
        var expected = new UserCommitFilesRequest { Header = header.Clone() };
        expected.Header.Repository.StorageName = "node-2";
        Assert.That(rewritten, Is.EqualTo(expected.ToByteArray()));
    }

    [Test]
    public void TryRewriteStorage_UnknownFields_KeptByteIdentical()
    {
        var known = new RepositoryExistsRequest { Repository = Repo("praefect", "a.git") }.ToByteArray();
        // Field 99 (string) and field 100 (varint) that this protocol version does not know, one inside the Repository too.
        byte[] unknownTop = [0x9A, 0x06, 0x03, (byte)'x', (byte)'y', (byte)'z', 0xA0, 0x06, 0x2A];
        var repoWithUnknown = Repo("praefect", "a.git").ToByteArray().Concat(new byte[] { 0xF8, 0x01, 0x07 }).ToArray();
        var message = new byte[] { 0x0A, (byte)repoWithUnknown.Length }.Concat(repoWithUnknown).Concat(unknownTop).ToArray();
        Assert.That(known, Is.Not.Empty);

        Assert.That(RawRepository.TryRewriteStorage(message, One, "praefect", "n1", out var rewritten, out var error), Is.True, error);

        Assert.That(rewritten.AsSpan().EndsWith(unknownTop), Is.True, "unknown top-level fields kept at the end, verbatim");
        Assert.That(RawRepository.TryRead(rewritten, One, out var repo, out _), Is.True);
        Assert.That(repo?.StorageName, Is.EqualTo("n1"));
        var repoBytes = UnknownFieldPreservingRead(rewritten);
        Assert.That(repoBytes.AsSpan().EndsWith(new byte[] { 0xF8, 0x01, 0x07 }), Is.True, "unknown Repository field kept");
    }

    [Test]
    public void TryRewriteStorage_RepeatedOccurrences_AllRewritten()
    {
        var first = new RepositoryExistsRequest { Repository = Repo("praefect", "a.git") }.ToByteArray();
        var merged = first.Concat(first).ToArray(); // protobuf merges both occurrences
        Assert.That(RawRepository.TryRewriteStorage(merged, One, "praefect", "n", out var rewritten, out _), Is.True);
        Assert.That(RepositoryExistsRequest.Parser.ParseFrom(rewritten).Repository.StorageName, Is.EqualTo("n"));
        Assert.That(System.Text.Encoding.UTF8.GetString(rewritten), Does.Not.Contain("praefect"));
    }

    [Test]
    public void TryRewriteString_ServerScopedStorageName_Replaced()
    {
        var request = new AddNamespaceRequest { StorageName = "praefect", Name = "group" };
        Assert.That(RawRepository.TryRewriteString(request.ToByteArray(), One, "praefect-git-2", out var rewritten, out _), Is.True);
        Assert.That(rewritten, Is.EqualTo(new AddNamespaceRequest { StorageName = "praefect-git-2", Name = "group" }.ToByteArray()));
    }

    [TestCase(new byte[] { 0x0A, 0x05, 0x12 }, "field 1 runs past the end of the message")]
    [TestCase(new byte[] { 0x0A, 0x02, 0x12, 0x09 }, "malformed Repository: field 2 runs past the end")]
    [TestCase(new byte[] { 0x0B }, "unsupported wire type 3 in field 1")]
    [TestCase(new byte[] { 0x08, 0xFF }, "truncated varint")]
    [TestCase(new byte[] { 0x00 }, "invalid field tag at byte 0")]
    [TestCase(new byte[] { 0x08, 0x01 }, "field 1 is not a Repository message")]
    public void TryRewriteStorage_Malformed_GivesClearError(byte[] message, string expected)
    {
        Assert.That(RawRepository.TryRewriteStorage(message, One, "praefect", "n", out _, out var error), Is.False);
        Assert.That(error, Does.StartWith("cannot rewrite field 1: ").And.Contain(expected));
    }

    [Test]
    public void TryRead_Malformed_GivesClearError()
    {
        Assert.That(RawRepository.TryRead([0x0A, 0x05, 0x12], One, out _, out var error), Is.False);
        Assert.That(error, Is.EqualTo("cannot read field 1: field 1 runs past the end of the message (3 bytes)"));
    }

    [Test]
    public void TryRewriteStorage_RandomBytes_NeverThrows()
    {
        Gen.Byte.Array[0, 64].Sample(bytes =>
        {
            RawRepository.TryRewriteStorage(bytes, FieldPath.Parse("1.1"), "a", "b", out _, out _);
            RawRepository.TryRead(bytes, One, out _, out _);
        }, iter: 20_000);
    }

    [Test]
    public void TryRewriteStorage_RandomRepositories_MatchesReserialisation()
    {
        var text = Gen.String[Gen.Char.AlphaNumeric, 0, 40];
        var storageName = Gen.String[Gen.Char.AlphaNumeric, 1, 40]; // node storage names are never empty
        Gen.Select(storageName, text, text, Gen.Int[0, 3]).Sample((storage, path, gl, alternates) =>
        {
            var request = new FetchInternalRemoteRequest { Repository = new Repository { StorageName = "vs", RelativePath = path, GlRepository = gl } };
            for (var i = 0; i < alternates; i++) request.Repository.GitAlternateObjectDirectories.Add(gl + i);
            var expected = request.Clone();
            expected.Repository.StorageName = storage;
            return RawRepository.TryRewriteStorage(request.ToByteArray(), One, "vs", storage, out var rewritten, out _)
                && rewritten.AsSpan().SequenceEqual(expected.ToByteArray());
        });
    }

    // The payload of field 1, read with the official parser's CodedInputStream.
    private static byte[] UnknownFieldPreservingRead(byte[] message)
    {
        var input = new CodedInputStream(message);
        while (input.ReadTag() is var tag && tag != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == 1)
            {
                return input.ReadBytes().ToByteArray();
            }

            input.SkipLastField();
        }

        return [];
    }
}
