using System.Diagnostics;
using GitalyLite.Configuration;
using GitalyLite.Tests.Unit;
using GitalyLite.Transactions;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Praefect.TestSupport;
using static GitalyLite.Tests.Integration.Transactions.TransactionPush;

namespace GitalyLite.Tests.Integration.Transactions;

/// <summary>
/// The vote relay in-process with the real hook script run by bash (as git runs it): what the hook
/// answers, and that a session's state is gone when its call ends.
/// </summary>
[CancelAfter(60_000)]
public sealed class VoteRelayTests
{
    [Test]
    public async Task Hook_DuringAndAfterTheCall_CommitsThenIsRefused()
    {
        await using var praefect = await FakeVotingServer.StartAsync();
        await using var relay = new VoteRelay(new NodeOptions(), NullLogger<VoteRelay>.Instance);
        var repository = RepositoryClients.Repo("default", "relay.git");
        var session = relay.Begin("WriteRef", repository, Context(praefect))!;
        var updates = $"{ZeroOid} {new string('a', 40)} refs/heads/main\n";
        var hook = Path.Combine(HooksDirectory(session), HookScript.HookName);

        var during = await RunHookAsync(hook, "prepared", updates, session.Environment);
        var committed = await RunHookAsync(hook, "committed", updates, session.Environment);
        var environment = session.Environment;
        session.Dispose();
        var after = await RunHookAsync(hook, "prepared", updates, environment);

        Assert.That(during, Is.EqualTo((0, "")));
        Assert.That(committed, Is.EqualTo((0, "")), "'committed' casts no vote");
        Assert.That(after.ExitCode, Is.EqualTo(1));
        Assert.That(after.Stderr, Does.Contain("no vote session"));
        Assert.That(relay.OpenSessions, Is.Zero, "the session ended with its call");
        Assert.That(praefect.Votes.Select(v => v.Request.ReferenceUpdatesHash.ToByteArray()), Is.EqualTo(new[] { HashOf(updates) }));
    }

    [Test]
    public async Task Hook_PraefectAborts_ExitsNonZeroWithTheReason()
    {
        await using var praefect = await FakeVotingServer.StartAsync();
        praefect.Answer = VoteAnswer.Abort;
        await using var relay = new VoteRelay(new NodeOptions(), NullLogger<VoteRelay>.Instance);
        using var session = relay.Begin("WriteRef", RepositoryClients.Repo("default", "relay.git"), Context(praefect))!;

        var result = await RunHookAsync(Path.Combine(HooksDirectory(session), HookScript.HookName), "prepared", "x\n", session.Environment);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.Contain("was aborted by praefect"));
        Assert.That(session.Failure?.StatusCode, Is.EqualTo(StatusCode.Aborted));
    }

    [Test]
    public async Task Relay_NoTransactionHeaders_NoSession()
    {
        await using var relay = new VoteRelay(new NodeOptions(), NullLogger<VoteRelay>.Instance);

        var session = relay.Begin("WriteRef", RepositoryClients.Repo("default", "relay.git"), new FakeCallContext([], "ipv4:127.0.0.1:1", CancellationToken.None));

        Assert.That(session, Is.Null);
        Assert.That(relay.OpenSessions, Is.Zero);
    }

    private static FakeCallContext Context(FakeVotingServer praefect)
    {
        var headers = new Metadata();
        foreach (var (name, value) in Headers(NewTransactionId(), praefect.Server()))
        {
            headers.Add(name, value);
        }

        return new FakeCallContext(headers, "ipv4:127.0.0.1:50000", CancellationToken.None);
    }

    private static string HooksDirectory(VoteSession session) => session.GitArguments[1]["core.hooksPath=".Length..];

    private static async Task<(int ExitCode, string Stderr)> RunHookAsync(string hook, string state, string stdin, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(hook) { RedirectStandardInput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(state);
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        await ProcessInput.WriteAndCloseAsync(process, stdin);
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, stderr.Trim());
    }
}
