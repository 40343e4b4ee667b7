using Gitaly;
using Google.Protobuf;
using Grpc.Core;
using Praefect.Protocol.Transactions;
using Praefect.TestSupport;
using static GitalyLite.Tests.Integration.Transactions.TransactionPush;

namespace GitalyLite.Tests.Integration.Transactions;

/// <summary>WriteRef in a reference transaction, and what bad transaction headers do to a call.</summary>
[CancelAfter(120_000)]
public sealed class WriteRefTransactionTests : NodeFixture
{
    [Test]
    public async Task WriteRef_VoteCommits_RefWrittenAndVoteHashesTheUpdate()
    {
        await using var praefect = await FakeVotingServer.StartAsync();
        var bare = await SeedRepositoryAsync("tx/writeref-commit.git", commits: 2);
        var target = await HeadOfAsync(bare, "main~1");
        var id = NewTransactionId();

        await Clients.Repository.WriteRefAsync(Request("tx/writeref-commit.git", "refs/heads/topic", target), Headers(id, praefect.Server()));

        Assert.That(await HeadOfAsync(bare, "refs/heads/topic"), Is.EqualTo(target));
        var vote = praefect.Votes.Single();
        Assert.That(vote.Request.TransactionId, Is.EqualTo(id));
        Assert.That(vote.Request.ReferenceUpdatesHash.ToByteArray(), Is.EqualTo(HashOf($"{ZeroOid} {target} refs/heads/topic\n")));
    }

    [Test]
    public async Task WriteRef_NonAsciiRefName_VoteHashesTheExactBytesGitWrote()
    {
        await using var praefect = await FakeVotingServer.StartAsync();
        var bare = await SeedRepositoryAsync("tx/writeref-utf8.git", commits: 1);
        var target = await HeadOfAsync(bare, "main");

        await Clients.Repository.WriteRefAsync(Request("tx/writeref-utf8.git", "refs/heads/ünïcødé-€", target), Headers(NewTransactionId(), praefect.Server()));

        Assert.That(praefect.Votes.Single().Request.ReferenceUpdatesHash.ToByteArray(), Is.EqualTo(HashOf($"{ZeroOid} {target} refs/heads/ünïcødé-€\n")),
            "the hook sends its stdin's byte length, not its character count");
    }

    [Test]
    public async Task WriteRef_VoteAborts_AbortedAndRefUnchanged()
    {
        await using var praefect = await FakeVotingServer.StartAsync();
        praefect.Answer = VoteAnswer.Abort;
        var bare = await SeedRepositoryAsync("tx/writeref-abort.git", commits: 2);
        var before = await HeadOfAsync(bare, "main");

        var error = Assert.ThrowsAsync<RpcException>(async () => await Clients.Repository.WriteRefAsync(
            Request("tx/writeref-abort.git", "refs/heads/main", await HeadOfAsync(bare, "main~1")), Headers(NewTransactionId(), praefect.Server())));

        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.Aborted), error.Status.Detail);
        Assert.That(error.Status.Detail, Does.Contain("aborted by praefect"));
        Assert.That(await HeadOfAsync(bare, "main"), Is.EqualTo(before));
    }

    [Test]
    public async Task WriteRef_Head_VotesOnTheSymbolicUpdateBeforeApplyingIt()
    {
        await using var praefect = await FakeVotingServer.StartAsync();
        var bare = await SeedRepositoryAsync("tx/writeref-head.git", commits: 1);
        await Git.RunAsync(bare, "branch", "other", "main");

        await Clients.Repository.WriteRefAsync(Request("tx/writeref-head.git", "HEAD", "refs/heads/other"), Headers(NewTransactionId(), praefect.Server()));
        praefect.Answer = VoteAnswer.Abort;
        var aborted = Assert.ThrowsAsync<RpcException>(async () => await Clients.Repository.WriteRefAsync(
            Request("tx/writeref-head.git", "HEAD", "refs/heads/main"), Headers(NewTransactionId(), praefect.Server())));

        Assert.That(aborted!.StatusCode, Is.EqualTo(StatusCode.Aborted));
        Assert.That((await Git.RunAsync(bare, "symbolic-ref", "HEAD")).Trim(), Is.EqualTo("refs/heads/other"));
        Assert.That(praefect.Votes.First().Request.ReferenceUpdatesHash.ToByteArray(), Is.EqualTo(HashOf($"{ZeroOid} ref:refs/heads/other HEAD\n")));
    }

    [Test]
    public async Task WriteRef_PraefectAtUnspecifiedHost_VotesAtThePeerAddress()
    {
        await using var praefect = await FakeVotingServer.StartAsync();
        var bare = await SeedRepositoryAsync("tx/writeref-peer.git", commits: 1);

        await Clients.Repository.WriteRefAsync(
            Request("tx/writeref-peer.git", "refs/heads/copy", await HeadOfAsync(bare, "main")), Headers(NewTransactionId(), praefect.Server("0.0.0.0")));

        Assert.That(praefect.Votes, Has.Count.EqualTo(1), "0.0.0.0 in listen_addr means: the peer of the call (here 127.0.0.1)");
    }

    [TestCase("transaction-not-base64", ReferenceTransaction.HeaderName)]
    [TestCase("transaction-only", PraefectServer.HeaderName)]
    [TestCase("server-only", ReferenceTransaction.HeaderName)]
    [TestCase("server-without-address", PraefectServer.HeaderName)]
    [TestCase("server-not-json", PraefectServer.HeaderName)]
    [TestCase("transaction-without-node", ReferenceTransaction.HeaderName)]
    public async Task WriteRef_BadTransactionHeaders_InvalidArgumentNamingTheHeader(string variant, string header)
    {
        var bare = await SeedRepositoryAsync($"tx/bad-{variant}.git", commits: 1);
        var good = TransactionPush.Headers(NewTransactionId(), new PraefectServer("127.0.0.1:1", "", "", FakeVotingServer.PraefectToken));
        var headers = Clients.Headers;
        foreach (var (name, value) in BadHeaders(variant, good))
        {
            headers.Add(name, value);
        }

        var error = Assert.ThrowsAsync<RpcException>(async () => await Clients.Repository.WriteRefAsync(
            Request($"tx/bad-{variant}.git", "refs/heads/x", await HeadOfAsync(bare, "main")), headers));

        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.InvalidArgument), error.Status.Detail);
        Assert.That(error.Status.Detail, Does.StartWith("WriteRef: ").And.Contain(header).And.Not.Contain(FakeVotingServer.PraefectToken));
        Assert.That(await Git.ForEachRefAsync(bare, "refs/heads/x"), Is.Empty);
    }

    private static IEnumerable<(string, string)> BadHeaders(string variant, Dictionary<string, string> good) => variant switch
    {
        "transaction-not-base64" => [(ReferenceTransaction.HeaderName, "%%%"), (PraefectServer.HeaderName, good[PraefectServer.HeaderName])],
        "transaction-only" => [(ReferenceTransaction.HeaderName, good[ReferenceTransaction.HeaderName])],
        "server-only" => [(PraefectServer.HeaderName, good[PraefectServer.HeaderName])],
        "server-without-address" => [(ReferenceTransaction.HeaderName, good[ReferenceTransaction.HeaderName]),
            (PraefectServer.HeaderName, new PraefectServer("", "", "", FakeVotingServer.PraefectToken).Encode())],
        "server-not-json" => [(ReferenceTransaction.HeaderName, good[ReferenceTransaction.HeaderName]),
            (PraefectServer.HeaderName, Convert.ToBase64String("{\"token\": \"praefect-secret\""u8.ToArray()))],
        _ => [(ReferenceTransaction.HeaderName, new ReferenceTransaction(1, "", true).Encode()), (PraefectServer.HeaderName, good[PraefectServer.HeaderName])],
    };

    private static WriteRefRequest Request(string relativePath, string reference, string revision) => new()
    {
        Repository = RepositoryClients.Repo(Storage, relativePath),
        Ref = ByteString.CopyFromUtf8(reference),
        Revision = ByteString.CopyFromUtf8(revision),
    };

    /// <summary>The node's auth header and the two transaction headers.</summary>
    private Metadata Headers(ulong id, PraefectServer server)
    {
        var headers = Clients.Headers;
        foreach (var (name, value) in TransactionPush.Headers(id, server))
        {
            headers.Add(name, value);
        }

        return headers;
    }
}
