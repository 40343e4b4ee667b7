using Gitaly;
using Grpc.Core;
using Praefect.Configuration.Runtime;
using Praefect.Datastore;
using Praefect.Subcommands.Common;
using Praefect.Subcommands.Nodes;

namespace Praefect.Subcommands.Repositories;

/// <summary>
/// What track-repository and track-repositories do for one repository, with our datastore: check that the
/// authoritative storage holds it (RepositoryExists), record it (generation 1, held by the authoritative
/// storage), and queue one replication job to every other storage of the virtual storage; the Go
/// Praefect's output lines.
/// </summary>
internal sealed class RepositoryTracker(IDatastore store, NodeClients clients, CommandOutput output, string command, string correlationId)
{
    public const string ErrorPrefix = "attempting to track repository in praefect database";

    /// <summary>The change type (and the owner) of the jobs recorded.</summary>
    public const string ChangeType = "track-repository";

    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>The storage to trust: the one given, else the recorded primary, else the configured one.</summary>
    public async Task<string> AuthoritativeAsync(VirtualStorageConfig vs, string? given, CancellationToken cancellationToken) =>
        given is { Length: > 0 } ? given
        : await CurrentPrimary.GetAsync(store, vs, cancellationToken);

    /// <summary>The reason the repository cannot be tracked from <paramref name="authoritative"/>, or null when it can.</summary>
    public async Task<string?> ProblemAsync(VirtualStorageConfig vs, string relativePath, string authoritative, CancellationToken cancellationToken)
    {
        var node = vs.Nodes.FirstOrDefault(n => n.Storage == authoritative);
        if (node is null)
        {
            return $"node \"{authoritative}\" not found in virtual storage \"{vs.Name}\"; configured: {string.Join(", ", vs.Nodes.Select(n => n.Storage))}";
        }

        if (await store.GetGenerationsAsync(vs.Name, relativePath, cancellationToken) is not null)
        {
            return "repository is already tracked by Praefect";
        }

        try
        {
            var reply = await new RepositoryService.RepositoryServiceClient(clients.Invoker(node)).RepositoryExistsAsync(
                new RepositoryExistsRequest { Repository = new Repository { StorageName = node.Storage, RelativePath = relativePath } },
                NodeClients.Headers(node, correlationId), DateTime.UtcNow + CallTimeout, cancellationToken);
            return reply.Exists ? null : "authoritative repository does not exist";
        }
        catch (RpcException e)
        {
            return $"checking repository on disk: {node.Storage} at {node.Address}: {e.StatusCode}: {e.Status.Detail}";
        }
    }

    /// <summary>Records the repository and queues its replication; with <paramref name="replicateImmediately"/> waits for the jobs to complete. False when one failed.</summary>
    public async Task<bool> TrackAsync(VirtualStorageConfig vs, string relativePath, string authoritative, bool replicateImmediately, CancellationToken cancellationToken)
    {
        await store.IncrementGenerationAsync(vs.Name, relativePath, authoritative, cancellationToken);
        output.Out.WriteLine("Finished adding new repository to be tracked in praefect database.");
        var jobs = vs.Nodes.Where(n => n.Storage != authoritative)
            .Select(n => new JobRequest(vs.Name, relativePath, authoritative, n.Storage, ChangeType, CorrelationId: correlationId))
            .ToList();
        var ids = await store.RecordPendingAsync(jobs, ChangeType, cancellationToken);
        await store.MarkReadyAsync(ids, cancellationToken);
        foreach (var (job, id) in jobs.Zip(ids))
        {
            if (!replicateImmediately)
            {
                output.Out.WriteLine($"Added replication job to replicate repository to \"{job.TargetStorage}\".");
                continue;
            }

            var state = await WaitAsync(id, cancellationToken);
            if (state != JobState.Completed)
            {
                output.Error.WriteLine($"{output.Program} {command}: error: {ErrorPrefix}: replication to \"{job.TargetStorage}\" (job {id}) ended {state.ToName()}; see 'praefect-ctl replication-status'");
                return false;
            }

            output.Out.WriteLine($"Finished replicating repository to \"{job.TargetStorage}\".");
        }

        return true;
    }

    /// <summary>Waits (until cancelled) for the running praefect to finish job <paramref name="id"/> (completed or dead).</summary>
    private async Task<JobState> WaitAsync(long id, CancellationToken cancellationToken)
    {
        while (true)
        {
            var job = await store.GetJobAsync(id, cancellationToken);
            if (job is null || job.State is JobState.Completed or JobState.Dead)
            {
                return job?.State ?? JobState.Completed;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }
}
