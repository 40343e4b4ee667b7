using System.Diagnostics;
using Gitaly;
using Google.Protobuf;
using GitalyLite.Tests.Integration;
using GitalyLite.Tests.Integration.Transactions;
using Praefect.TestSupport;
using static GitalyLite.Tests.Integration.Transactions.TransactionPush;

namespace GitalyLite.Tests.Benchmarks;

/// <summary>
/// What a vote adds to a ref update: WriteRef and a one-ref push through gitaly-lite, without the
/// transaction headers and with them (hook + vote at an in-process voter answering COMMIT at once),
/// side by side in one run. Explicit: run it on a quiet machine with
/// <c>dotnet test tests/GitalyLite.Tests -c Release --filter "FullyQualifiedName~TransactionLatencyBenchmark"</c>.
/// </summary>
[Explicit("benchmark: run on a quiet machine")]
[CancelAfter(600_000)]
public sealed class TransactionLatencyBenchmark : NodeFixture
{
    private const int Rounds = 30;

    [Test]
    public async Task WriteRefAndPush_WithAndWithoutVotes_MedianLatency()
    {
        await using var praefect = await FakeVotingServer.StartAsync();
        var bare = await SeedRepositoryAsync("bench/tx.git", commits: 2);
        var commit = await HeadOfAsync(bare, "main");
        using var work = new TempDirectory();
        var source = await Git.CreateRepositoryAsync(work.Combine("source"), commits: 1);

        var writeRefPlain = await MedianAsync(i => WriteRefAsync(commit, $"refs/heads/plain-{i}", null));
        var writeRefVoted = await MedianAsync(i => WriteRefAsync(commit, $"refs/heads/voted-{i}", praefect));
        var pushPlain = await MedianAsync(i => PushOnceAsync(source, $"push-plain-{i}", null));
        var pushVoted = await MedianAsync(i => PushOnceAsync(source, $"push-voted-{i}", praefect));

        TestContext.Out.WriteLine($"median of {Rounds}: WriteRef {writeRefPlain:0.0} ms without votes, {writeRefVoted:0.0} ms with ({writeRefVoted / writeRefPlain:0.00}x)");
        TestContext.Out.WriteLine($"median of {Rounds}: push of one ref {pushPlain:0.0} ms without votes, {pushVoted:0.0} ms with ({pushVoted / pushPlain:0.00}x)");
        Assert.That(praefect.Votes, Has.Count.EqualTo(2 * (Rounds + 1)), "every voted round (and each warm-up) cast exactly one vote");
    }

    private async Task WriteRefAsync(string commit, string reference, FakeVotingServer? praefect)
    {
        var headers = Clients.Headers;
        if (praefect is not null)
        {
            foreach (var (name, value) in Headers(NewTransactionId(), praefect.Server()))
            {
                headers.Add(name, value);
            }
        }

        await Clients.Repository.WriteRefAsync(new WriteRefRequest
        {
            Repository = RepositoryClients.Repo(Storage, "bench/tx.git"),
            Ref = ByteString.CopyFromUtf8(reference),
            Revision = ByteString.CopyFromUtf8(commit),
        }, headers);
    }

    private async Task PushOnceAsync(string source, string branch, FakeVotingServer? praefect)
    {
        var push = await PushAsync(Node, Token, "bench/tx.git", praefect is null ? null : Headers(NewTransactionId(), praefect.Server()), source, $"main:refs/heads/{branch}");
        Assert.That(push.Succeeded, Is.True, push.Stderr);
    }

    private static async Task<double> MedianAsync(Func<int, Task> round)
    {
        await round(-1); // warm-up: channels, listener, hook directory
        var times = new List<double>();
        for (var i = 0; i < Rounds; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await round(i);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        times.Sort();
        return times[Rounds / 2];
    }
}
