using System.Collections.Concurrent;
using System.Diagnostics;
using Gitaly;
using Google.Protobuf;
using Grpc.Net.Client;
using Praefect.Datastore;
using Praefect.Server.Replication;
using Praefect.TestSupport;

namespace Praefect.Replication.Bench;

/// <summary>
/// The load generator: each write is a gRPC WriteRef on the primary (a branch moved between two
/// commits), wrapped as the proxy wraps a mutator (jobs recorded before, ticket completed after);
/// writes to one repository are serialized (as git would), writes to different repositories run in
/// parallel, so the offered rate is bounded by the repositories, not by a client process per write.
/// </summary>
internal sealed class WriteLoad(IDatastore store, DurableReplicationScheduler scheduler, GrpcChannel primary, string primaryToken, IReadOnlyList<(string Path, string[] Commits)> repositories)
{
    private readonly SemaphoreSlim[] _locks = repositories.Select(_ => new SemaphoreSlim(1, 1)).ToArray();
    private readonly int[] _toggles = new int[repositories.Count];

    /// <summary>One write; returns (write latency, lag until both secondaries completed) in milliseconds.</summary>
    public async Task<(double Write, double Lag)> WriteAndWaitAsync(int index, Action? acknowledgedCallback = null)
    {
        var repository = index % repositories.Count;
        var (path, commits) = repositories[repository];
        DurableReplicationTicket ticket;
        var started = Stopwatch.GetTimestamp();
        await _locks[repository].WaitAsync();
        try
        {
            ticket = (DurableReplicationTicket)await scheduler.BeginMutatorAsync("praefect", path, "gitaly-1", "/gitaly.RepositoryService/WriteRef", CancellationToken.None);
            var commit = commits[Interlocked.Increment(ref _toggles[repository]) % commits.Length];
            await new RepositoryService.RepositoryServiceClient(primary).WriteRefAsync(new WriteRefRequest
            {
                Repository = new Repository { StorageName = "gitaly-1", RelativePath = path },
                Ref = ByteString.CopyFromUtf8("refs/heads/bench"),
                Revision = ByteString.CopyFromUtf8(commit),
            }, GitalyChannel.AuthHeaders(primaryToken));
            await ticket.CompleteAsync(true, CancellationToken.None);
        }
        finally
        {
            _locks[repository].Release();
        }

        var acknowledged = Stopwatch.GetTimestamp();
        var write = Stopwatch.GetElapsedTime(started, acknowledged).TotalMilliseconds;
        acknowledgedCallback?.Invoke();

        await WaitCompletedAsync(ticket.Ids);
        return (write, Stopwatch.GetElapsedTime(acknowledged).TotalMilliseconds);
    }

    /// <summary>
    /// Offers <paramref name="rate"/> writes/s for <paramref name="duration"/>; returns the samples in offer
    /// order and the achieved write rate (writes acknowledged per second until the last acknowledgement).
    /// </summary>
    public async Task<(IReadOnlyList<(double Write, double Lag)> Samples, double Achieved)> OfferAsync(double rate, TimeSpan duration, int firstIndex)
    {
        var writes = (int)(rate * duration.TotalSeconds);
        var samples = new (double, double)[writes];
        var interval = TimeSpan.FromSeconds(1.0 / rate);
        var started = Stopwatch.StartNew();
        var inFlight = new List<Task>();
        long lastAcknowledged = 0;
        for (var i = 0; i < writes; i++)
        {
            var due = interval * i;
            if (started.Elapsed < due)
            {
                await Task.Delay(due - started.Elapsed);
            }

            var slot = i;
            inFlight.Add(Task.Run(async () =>
            {
                samples[slot] = await WriteAndWaitAsync(firstIndex + slot, () => Interlocked.Exchange(ref lastAcknowledged, started.ElapsedTicks));
            }));
        }

        await Task.WhenAll(inFlight);
        return (samples, writes / TimeSpan.FromSeconds((double)Interlocked.Read(ref lastAcknowledged) / Stopwatch.Frequency).TotalSeconds);
    }

    private async Task WaitCompletedAsync(IReadOnlyList<long> ids)
    {
        var pending = new ConcurrentQueue<long>(ids);
        while (pending.TryPeek(out var id))
        {
            var job = await store.GetJobAsync(id, CancellationToken.None);
            if (job?.State == JobState.Completed)
            {
                pending.TryDequeue(out _);
                continue;
            }

            await Task.Delay(2);
        }
    }
}
