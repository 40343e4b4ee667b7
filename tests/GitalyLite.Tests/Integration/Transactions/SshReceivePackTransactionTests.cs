using Praefect.TestSupport;
using static GitalyLite.Tests.Integration.Transactions.TransactionPush;

namespace GitalyLite.Tests.Integration.Transactions;

/// <summary>SSHReceivePack in a reference transaction: a real <c>git push</c> over the ssh bridge, the headers added as praefect adds them.</summary>
[CancelAfter(120_000)]
public sealed class SshReceivePackTransactionTests : NodeFixture
{
    [Test]
    public async Task SshPush_VoteCommits_RefAppliedWithOneVote()
    {
        using var work = new TempDirectory();
        await using var praefect = await FakeVotingServer.StartAsync();
        var repository = RepositoryClients.Repo(Storage, "tx/ssh-commit.git");
        await Clients.CreateAsync(repository);
        var source = await Git.CreateRepositoryAsync(work.Combine("source"), commits: 2);
        var head = await HeadOfAsync(source);
        var id = NewTransactionId();
        await using var proxy = await TransactionalSshProxy.StartAsync(Node.Address, Token, Headers(id, praefect.Server()));

        var push = await Git.TryRunAsync(source, Bridge(proxy, repository.RelativePath), "push", GitalyBridge.RemoteUrl, "main");

        Assert.That(push.Succeeded, Is.True, push.Stderr);
        Assert.That(await HeadOfAsync(Node.RepositoryPath(repository.RelativePath), "refs/heads/main"), Is.EqualTo(head));
        var vote = praefect.Votes.Single();
        Assert.That(vote.Request.TransactionId, Is.EqualTo(id));
        Assert.That(vote.Request.ReferenceUpdatesHash.ToByteArray(), Is.EqualTo(HashOf($"{ZeroOid} {head} refs/heads/main\n")));
    }

    [Test]
    public async Task SshPush_VoteAborts_RefNotAppliedAndTheClientSeesWhy()
    {
        using var work = new TempDirectory();
        await using var praefect = await FakeVotingServer.StartAsync();
        praefect.Answer = VoteAnswer.Abort;
        var repository = RepositoryClients.Repo(Storage, "tx/ssh-abort.git");
        await Clients.CreateAsync(repository);
        var source = await Git.CreateRepositoryAsync(work.Combine("source"), commits: 1);
        await using var proxy = await TransactionalSshProxy.StartAsync(Node.Address, Token, Headers(NewTransactionId(), praefect.Server()));

        var push = await Git.TryRunAsync(source, Bridge(proxy, repository.RelativePath), "push", GitalyBridge.RemoteUrl, "main");

        Assert.That(push.Succeeded, Is.False);
        Assert.That(push.Stderr, Does.Contain("aborted by praefect"), "the hook's reason reaches the client on stderr");
        Assert.That(await Git.ForEachRefAsync(Node.RepositoryPath(repository.RelativePath)), Is.Empty);
    }

    private static IReadOnlyDictionary<string, string> Bridge(TransactionalSshProxy proxy, string relativePath) =>
        GitalyBridge.Environment(BridgeMode.ReceivePack, proxy.Address, Storage, relativePath, token: "");
}
