using Praefect.TestSupport;
using static GitalyLite.Tests.Integration.Transactions.TransactionPush;

namespace GitalyLite.Tests.Integration.Transactions;

/// <summary>
/// PostReceivePack in a reference transaction: a real <c>git push</c> through gitaly-lite votes at a
/// fake praefect from git's reference-transaction hook, and the update is applied only on COMMIT.
/// </summary>
[CancelAfter(180_000)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ReceivePackTransactionTests : NodeFixture
{
    [Test]
    public async Task Push_VoteCommits_RefAppliedAndVoteHashesTheUpdate()
    {
        using var work = new TempDirectory();
        await using var praefect = await FakeVotingServer.StartAsync();
        var repository = RepositoryClients.Repo(Storage, "tx/commit.git");
        await Clients.CreateAsync(repository);
        var source = await Git.CreateRepositoryAsync(work.Combine("source"), commits: 2);
        var head = await HeadOfAsync(source);
        var id = NewTransactionId();

        var push = await PushAsync(Node, Token, repository.RelativePath, Headers(id, praefect.Server()), source, "main");

        Assert.That(push.Succeeded, Is.True, push.Stderr);
        Assert.That(await HeadOfAsync(Node.RepositoryPath(repository.RelativePath), "refs/heads/main"), Is.EqualTo(head));
        var vote = praefect.Votes.Single();
        Assert.That(vote.Request.TransactionId, Is.EqualTo(id));
        Assert.That(vote.Request.Node, Is.EqualTo(Voter));
        Assert.That(vote.Request.Repository, Is.EqualTo(repository));
        Assert.That(vote.Request.ReferenceUpdatesHash.ToByteArray(), Is.EqualTo(HashOf($"{ZeroOid} {head} refs/heads/main\n")));
        Assert.That(vote.TokenValid, Is.True, "the vote carries a v2 token made with the praefect-server header's token");
    }

    [Test]
    public async Task Push_VoteAborts_RefNotAppliedAndPushFails()
    {
        using var work = new TempDirectory();
        await using var praefect = await FakeVotingServer.StartAsync();
        praefect.Answer = VoteAnswer.Abort;
        var repository = RepositoryClients.Repo(Storage, "tx/abort.git");
        await Clients.CreateAsync(repository);
        var source = await Git.CreateRepositoryAsync(work.Combine("source"), commits: 1);

        var push = await PushAsync(Node, Token, repository.RelativePath, Headers(NewTransactionId(), praefect.Server()), source, "main");

        // git 2.39's receive-pack dies when the hook refuses ("ref updates aborted by hook"): the push fails as a whole.
        Assert.That(push.Succeeded, Is.False, "the client must see the aborted update as a failed push");
        Assert.That(praefect.Votes, Has.Count.EqualTo(1));
        Assert.That(Node.Process!.Log, Does.Contain("for PostReceivePack: abort"));
        Assert.That(await Git.ForEachRefAsync(Node.RepositoryPath(repository.RelativePath)), Is.Empty);
    }

    [Test]
    public async Task Push_PraefectUnreachable_RefNotApplied()
    {
        using var work = new TempDirectory();
        using var down = TestPorts.ReserveUnanswered();
        var repository = RepositoryClients.Repo(Storage, "tx/unreachable.git");
        await Clients.CreateAsync(repository);
        var source = await Git.CreateRepositoryAsync(work.Combine("source"), commits: 1);
        var server = new Praefect.Protocol.Transactions.PraefectServer($"127.0.0.1:{down.Port}", "", "", FakeVotingServer.PraefectToken);

        var push = await PushAsync(Node, Token, repository.RelativePath, Headers(NewTransactionId(), server), source, "main");

        Assert.That(push.Succeeded, Is.False);
        Assert.That(await Git.ForEachRefAsync(Node.RepositoryPath(repository.RelativePath)), Is.Empty);
    }

    [Test]
    public async Task Push_SeveralRefsNonAtomic_OneVotePerRefInOrder()
    {
        using var work = new TempDirectory();
        await using var praefect = await FakeVotingServer.StartAsync();
        var repository = RepositoryClients.Repo(Storage, "tx/several.git");
        await Clients.CreateAsync(repository);
        var source = await Git.CreateRepositoryAsync(work.Combine("source"), commits: 3);
        await Git.RunAsync(source, "branch", "alpha", "HEAD~1");
        await Git.RunAsync(source, "branch", "beta", "HEAD~2");
        var id = NewTransactionId();

        var push = await PushAsync(Node, Token, repository.RelativePath, Headers(id, praefect.Server()), source, "refs/heads/*:refs/heads/*");

        Assert.That(push.Succeeded, Is.True, push.Stderr);
        var expected = new List<byte[]>();
        foreach (var branch in new[] { "alpha", "beta", "main" })
        {
            expected.Add(HashOf($"{ZeroOid} {await HeadOfAsync(source, branch)} refs/heads/{branch}\n"));
        }

        Assert.That(praefect.Votes.Select(v => v.Request.ReferenceUpdatesHash.ToByteArray()), Is.EqualTo(expected));
        Assert.That(praefect.Votes.Select(v => v.Request.TransactionId), Is.All.EqualTo(id));
        Assert.That(await Git.ForEachRefAsync(Node.RepositoryPath(repository.RelativePath)), Is.EqualTo(await Git.ForEachRefAsync(source)));
    }

    [Test]
    public async Task Push_Atomic_OneVoteOnAllTheUpdates()
    {
        using var work = new TempDirectory();
        await using var praefect = await FakeVotingServer.StartAsync();
        var repository = RepositoryClients.Repo(Storage, "tx/atomic.git");
        await Clients.CreateAsync(repository);
        var source = await Git.CreateRepositoryAsync(work.Combine("source"), commits: 2);
        await Git.RunAsync(source, "branch", "alpha", "HEAD~1");

        var push = await PushAsync(Node, Token, repository.RelativePath, Headers(NewTransactionId(), praefect.Server()), source, "--atomic", "alpha", "main");

        Assert.That(push.Succeeded, Is.True, push.Stderr);
        var updates = $"{ZeroOid} {await HeadOfAsync(source, "alpha")} refs/heads/alpha\n{ZeroOid} {await HeadOfAsync(source, "main")} refs/heads/main\n";
        Assert.That(praefect.Votes.Select(v => v.Request.ReferenceUpdatesHash.ToByteArray()), Is.EqualTo(new[] { HashOf(updates) }));
    }

    [Test]
    public async Task Push_WithoutTransactionHeaders_NoVoteAndTheRepositorysOwnHooksRun()
    {
        using var work = new TempDirectory();
        await using var praefect = await FakeVotingServer.StartAsync();
        var repository = RepositoryClients.Repo(Storage, "tx/plain.git");
        await Clients.CreateAsync(repository);
        var bare = Node.RepositoryPath(repository.RelativePath);
        var marker = work.Combine("hook-ran");
        var hook = Path.Combine(bare, "hooks", "reference-transaction");
        await File.WriteAllTextAsync(hook, $"#!/bin/sh\necho \"$1\" >> '{marker}'\n");
        File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var source = await Git.CreateRepositoryAsync(work.Combine("source"), commits: 1);

        var push = await PushAsync(Node, Token, repository.RelativePath, headers: null, source, "main");

        Assert.That(push.Succeeded, Is.True, push.Stderr);
        Assert.That(await HeadOfAsync(bare, "refs/heads/main"), Is.EqualTo(await HeadOfAsync(source)));
        Assert.That(await File.ReadAllTextAsync(marker), Is.EqualTo("prepared\ncommitted\n"), "without the headers git runs as before: no hooksPath of ours");
        Assert.That(praefect.Votes, Is.Empty);
    }

    [Test]
    public async Task Push_VoteNeverAnswered_AbortedAtTheNodesVoteTimeout()
    {
        using var work = new TempDirectory();
        await using var praefect = await FakeVotingServer.StartAsync();
        praefect.Answer = VoteAnswer.Never;
        await using var node = await GitalyLiteNode.StartAsync(Storage, Token, extraArguments: ["--vote-timeout", "1"]);
        using var channel = node.OpenChannel();
        var repository = RepositoryClients.Repo(Storage, "tx/never.git");
        await new RepositoryClients(channel, Token).CreateAsync(repository);
        var source = await Git.CreateRepositoryAsync(work.Combine("source"), commits: 1);

        var push = await PushAsync(node, Token, repository.RelativePath, Headers(NewTransactionId(), praefect.Server()), source, "main");

        Assert.That(push.Succeeded, Is.False);
        Assert.That(praefect.Votes, Has.Count.EqualTo(1), "the vote was cast and left unanswered");
        Assert.That(await Git.ForEachRefAsync(node.RepositoryPath(repository.RelativePath)), Is.Empty);
        Assert.That(node.Process!.Log, Does.Contain("vote on reference transaction").And.Not.Contain(FakeVotingServer.PraefectToken));
    }
}
