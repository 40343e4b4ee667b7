using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Praefect.Server.Metrics;
using Praefect.Server.Tests.Metrics;
using Praefect.Server.Transactions;

namespace Praefect.Server.Tests.Transactions;

[TestFixture]
[CancelAfter(60_000)]
public sealed class TransactionRegistryTests
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(5);
    private PraefectMetrics _metrics = null!;
    private TransactionRegistry _registry = null!;

    [SetUp]
    public void CreateRegistry()
    {
        _metrics = TestMetrics.Create();
        _registry = new TransactionRegistry(_metrics, TimeProvider.System, NullLogger<TransactionRegistry>.Instance);
    }

    [Test]
    public async Task Vote_ThreeNodesSameHash_AllCommit()
    {
        var transaction = Register("majority", Long);

        var results = await Task.WhenAll(VoteAsync(transaction, "p", 1), VoteAsync(transaction, "s1", 1), VoteAsync(transaction, "s2", 1));

        Assert.That(results, Is.All.EqualTo(VoteResult.Commit));
        Assert.That(new[] { "p", "s1", "s2" }.Select(transaction.Committed), Is.All.True);
        Assert.That(Count("committed"), Is.EqualTo(3));
        Assert.That(Count("registered"), Is.EqualTo(1));
    }

    [Test]
    public async Task Vote_SecondaryDiffers_ItAbortsWhileThePrimaryAndTheOtherCommit()
    {
        var transaction = Register("majority", Long);

        var results = await Task.WhenAll(VoteAsync(transaction, "p", 1), VoteAsync(transaction, "s1", 1), VoteAsync(transaction, "s2", 2));

        Assert.That(results, Is.EqualTo(new[] { VoteResult.Commit, VoteResult.Commit, VoteResult.Abort }));
        Assert.That(transaction.Committed("s2"), Is.False);
        Assert.That(Count("aborted"), Is.EqualTo(1));
    }

    [Test]
    public async Task Vote_SecondariesAgreeAgainstThePrimary_NoQuorumAllAbort()
    {
        var transaction = Register("majority", Long);

        var results = await Task.WhenAll(VoteAsync(transaction, "p", 1), VoteAsync(transaction, "s1", 2), VoteAsync(transaction, "s2", 2));

        Assert.That(results, Is.All.EqualTo(VoteResult.Abort));
    }

    [Test]
    public async Task Vote_PrimaryAndOneSecondary_CommitWithoutWaitingForTheThird()
    {
        var transaction = Register("majority", Long);

        var results = await Task.WhenAll(VoteAsync(transaction, "p", 1), VoteAsync(transaction, "s1", 1));

        Assert.That(results, Is.All.EqualTo(VoteResult.Commit));
        Assert.That(transaction.Committed("s2"), Is.False, "a node that never voted did not commit");
    }

    [Test]
    public async Task Vote_AllQuorumNodeNeverVotes_AbortsAtTheVoteTimeout()
    {
        var transaction = Register("all", TimeSpan.FromMilliseconds(300));

        var results = await Task.WhenAll(VoteAsync(transaction, "p", 1), VoteAsync(transaction, "s1", 1));

        Assert.That(results, Is.All.EqualTo(VoteResult.Abort));
    }

    [Test]
    public async Task Drop_AllQuorumVoterCallEnded_PendingVotesAbortWithoutTheTimeout()
    {
        var transaction = Register("all", Long);
        var pending = Task.WhenAll(VoteAsync(transaction, "p", 1), VoteAsync(transaction, "s1", 1));

        transaction.Drop("s2");

        Assert.That(await pending, Is.All.EqualTo(VoteResult.Abort));
    }

    [Test]
    public async Task Vote_TwoSubtransactions_KthVotesMatchedAndAllCommitted()
    {
        var transaction = Register("majority", Long);

        var first = await Task.WhenAll(VoteAsync(transaction, "p", 1), VoteAsync(transaction, "s1", 1), VoteAsync(transaction, "s2", 1));
        var second = await Task.WhenAll(VoteAsync(transaction, "p", 2), VoteAsync(transaction, "s1", 2), VoteAsync(transaction, "s2", 3));

        Assert.That(first, Is.All.EqualTo(VoteResult.Commit));
        Assert.That(second, Is.EqualTo(new[] { VoteResult.Commit, VoteResult.Commit, VoteResult.Abort }));
        Assert.That(transaction.SubtransactionCount, Is.EqualTo(2));
        Assert.That((transaction.Committed("s1"), transaction.Committed("s2"), transaction.CommittedAny("s2")), Is.EqualTo((true, false, true)));
    }

    [Test]
    public void Vote_UnknownTransaction_NotFoundNamingTheId()
    {
        var error = Assert.ThrowsAsync<VoteRefusedException>(() => _registry.VoteAsync(424242, "p", Hash(1), CancellationToken.None));

        Assert.That((error!.Code, error.Message), Is.EqualTo((StatusCode.NotFound, "transaction not found: 424242")));
        Assert.That(Count("invalid"), Is.EqualTo(1));
    }

    [Test]
    public void Vote_EndedTransaction_NotFound()
    {
        var transaction = Register("majority", Long);
        _registry.End(transaction);

        var error = Assert.ThrowsAsync<VoteRefusedException>(() => VoteAsync(transaction, "p", 1));

        Assert.That((error!.Code, error.Message), Is.EqualTo((StatusCode.NotFound, $"transaction not found: {transaction.Id}")));
    }

    [Test]
    public void Vote_NodeNotAVoter_InvalidArgumentNamingNodeAndVoters()
    {
        var transaction = Register("majority", Long);

        var error = Assert.ThrowsAsync<VoteRefusedException>(() => VoteAsync(transaction, "intruder", 1));

        Assert.That(error!.Code, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(error.Message, Is.EqualTo($"node \"intruder\" is not a voter of transaction {transaction.Id}; its voters are \"p\", \"s1\", \"s2\""));
    }

    [Test]
    public void Vote_HashNotSha1Sized_InvalidArgument()
    {
        var transaction = Register("majority", Long);

        var error = Assert.ThrowsAsync<VoteRefusedException>(() => _registry.VoteAsync(transaction.Id, "p", new byte[7], CancellationToken.None));

        Assert.That(error!.Code, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(error.Message, Does.Contain("is 7 bytes; it must be the 20-byte SHA-1"));
    }

    [Test]
    public async Task Stop_PendingVote_Aborts()
    {
        var transaction = Register("all", Long);
        var pending = VoteAsync(transaction, "p", 1);

        _registry.Stop();

        Assert.That(await pending, Is.EqualTo(VoteResult.Abort));
    }

    [Test]
    public void End_TransactionWithoutVotes_EveryVoterCountsAsCommitted()
    {
        var transaction = Register("majority", Long);

        _registry.End(transaction);

        Assert.That(new[] { "p", "s1", "s2" }.Select(transaction.Committed), Is.All.True, "a call that changed no reference leaves every node consistent");
        Assert.That(_registry.Count, Is.Zero);
    }

    private Transaction Register(string quorum, TimeSpan voteTimeout)
    {
        var (voters, threshold) = QuorumPolicy.Build(quorum, "p", ["s1", "s2"]);
        return _registry.Register(voters, threshold, voteTimeout);
    }

    private Task<VoteResult> VoteAsync(Transaction transaction, string node, byte value) =>
        _registry.VoteAsync(transaction.Id, node, Hash(value), CancellationToken.None);

    private static byte[] Hash(byte value) => Enumerable.Repeat(value, 20).ToArray();

    private double Count(string action) => _metrics.TransactionActions.WithLabels(action).Value;
}
