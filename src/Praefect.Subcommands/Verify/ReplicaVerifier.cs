using Gitaly;
using Grpc.Core;
using Praefect.Configuration.Runtime;
using Praefect.Datastore;
using Praefect.Subcommands.Nodes;

namespace Praefect.Subcommands.Verify;

/// <summary>
/// What verify does for one repository, now rather than through a background verifier: CalculateChecksum on the
/// primary and on each replica to check (as check-consistency compares them); a replica that is missing or differs
/// is marked outdated in the datastore (the generation is raised on the storages that hold the primary's data, so
/// it falls behind) and a replication job from the primary is queued, which a running praefect executes.
/// </summary>
internal sealed class ReplicaVerifier(IDatastore store, NodeClients clients, CommandOutput output, string correlationId)
{
    /// <summary>The change type (and the owner) of the jobs recorded.</summary>
    public const string ChangeType = "verify";

    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Replicas checked, marked outdated, and not verifiable (node unreachable, primary unreadable).</summary>
    public (int Verified, int Outdated, int Failed) Counts => (_verified, _outdated, _failed);

    private int _verified;
    private int _outdated;
    private int _failed;

    public async Task VerifyAsync(VirtualStorageConfig vs, string primary, RepositoryGenerations generations, string? onlyStorage, CancellationToken cancellationToken)
    {
        var path = generations.RelativePath;
        var prefix = $"{vs.Name}/{path}";
        var primaryNode = vs.Nodes.First(n => n.Storage == primary);
        var reference = await ChecksumAsync(primaryNode, path, cancellationToken);
        if (reference.Checksum is null)
        {
            _failed++;
            output.Out.WriteLine($"{prefix}: {primary}: primary {reference.Problem}; the replicas cannot be verified against it");
            return;
        }

        var bad = new List<string>();
        // Only the storages assigned to the repository are expected to hold it (set-replication-factor).
        var assigned = generations.AssignedStorages(vs.Nodes.Select(n => n.Storage), primary);
        foreach (var node in vs.Nodes.Where(n => n.Storage != primary && assigned.Contains(n.Storage) && (onlyStorage is null || n.Storage == onlyStorage)))
        {
            var replica = await ChecksumAsync(node, path, cancellationToken);
            if (replica.Checksum is null && !replica.Missing)
            {
                _failed++;
                output.Out.WriteLine($"{prefix}: {node.Storage}: could not verify: {replica.Problem}; check the node with '{output.Program} dial-nodes'");
                continue;
            }

            _verified++;
            if (replica.Checksum == reference.Checksum)
            {
                output.Out.WriteLine($"{prefix}: {node.Storage}: checksum {replica.Checksum} matches the primary {primary}");
                continue;
            }

            bad.Add(node.Storage);
            output.Out.Write(replica.Missing
                ? $"{prefix}: {node.Storage}: missing"
                : $"{prefix}: {node.Storage}: checksum {replica.Checksum} differs from the primary {primary} ({reference.Checksum})");
            output.Out.WriteLine(": marked outdated");
        }

        if (bad.Count == 0)
        {
            return;
        }

        // The storages that held the latest generation and verified (or were not asked about) keep it; the bad ones fall behind.
        var holders = generations.Storages.Where(s => s.Value >= generations.Generation && !bad.Contains(s.Key)).Select(s => s.Key).Append(primary).Distinct().ToList();
        await store.IncrementGenerationAsync(vs.Name, path, holders, cancellationToken);
        var jobs = bad.Select(target => new JobRequest(vs.Name, path, primary, target, ChangeType, CorrelationId: correlationId)).ToList();
        var ids = await store.RecordPendingAsync(jobs, ChangeType, cancellationToken);
        await store.MarkReadyAsync(ids, cancellationToken);
        foreach (var (job, id) in jobs.Zip(ids))
        {
            _outdated++;
            output.Out.WriteLine($"{prefix}: {job.TargetStorage}: replication from {primary} queued (job {id})");
        }
    }

    private async Task<(string? Checksum, bool Missing, string Problem)> ChecksumAsync(NodeConfig node, string relativePath, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await new RepositoryService.RepositoryServiceClient(clients.Invoker(node)).CalculateChecksumAsync(
                new CalculateChecksumRequest { Repository = new Repository { StorageName = node.Storage, RelativePath = relativePath } },
                NodeClients.Headers(node, correlationId), DateTime.UtcNow + CallTimeout, cancellationToken);
            return (reply.Checksum, false, "");
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return (null, true, "missing");
        }
        catch (RpcException e)
        {
            return (null, false, $"{node.Address}: {e.StatusCode}: {e.Status.Detail}");
        }
    }
}
