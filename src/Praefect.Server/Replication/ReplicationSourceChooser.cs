using Praefect.Datastore;

namespace Praefect.Server.Replication;

/// <summary>
/// Chooses a job's source from the repository's generations:
/// <list type="number">
/// <item>No generation recorded (the repository was never written through praefect): the job's own source.</item>
/// <item>Healthy replicas (not the target) holding the repository's latest generation, the job's source first.</item>
/// <item>None, and the target holds the latest generation: nothing to copy (<see cref="ReplicationSourcePlan.UpToDate"/>).</item>
/// <item>None: healthy replicas strictly ahead of the target, newest first (the target moves forward, never back).</item>
/// <item>Otherwise wait: copying from a replica that is not ahead could take the target backwards.</item>
/// </list>
/// </summary>
internal static class ReplicationSourceChooser
{
    public static ReplicationSourcePlan Choose(ReplicationJob job, RepositoryGenerations? generations, IReadOnlyList<string> storages, Func<string, bool> isHealthy)
    {
        if (generations is null)
        {
            return new ReplicationSourcePlan.Copy([(job.SourceStorage, null)], Latest: true);
        }

        long Held(string storage) => generations.Storages.TryGetValue(storage, out var held) ? held : 0;
        var target = Held(job.TargetStorage);
        var others = storages.Where(s => s != job.TargetStorage)
            .OrderBy(s => s == job.SourceStorage ? 0 : 1)
            .ToList();
        // A target that already holds the latest generation is copied to only from the job's own source: a
        // mutator that failed there raised no generation but may have changed refs. Re-sourced elsewhere the
        // copy could only repeat what the target holds, and when the target is now the primary (an old job
        // after a failover) a write landing on it during the copy would be overwritten with older data.
        if (target >= generations.Generation)
        {
            return Held(job.SourceStorage) >= generations.Generation && isHealthy(job.SourceStorage) && job.SourceStorage != job.TargetStorage
                ? new ReplicationSourcePlan.Copy([(job.SourceStorage, (long?)Held(job.SourceStorage))], Latest: true)
                : new ReplicationSourcePlan.UpToDate(target);
        }

        var latest = others.Where(s => Held(s) >= generations.Generation && isHealthy(s)).ToList();
        if (latest.Count > 0)
        {
            return new ReplicationSourcePlan.Copy([.. latest.Select(s => (s, (long?)Held(s)))], Latest: true);
        }

        var ahead = others.Where(s => Held(s) > target && isHealthy(s)).OrderByDescending(Held).ToList();
        if (ahead.Count > 0)
        {
            return new ReplicationSourcePlan.Copy([.. ahead.Select(s => (s, (long?)Held(s)))], Latest: false);
        }

        var holders = others.Where(s => Held(s) >= generations.Generation).Select(s => $"\"{s}\"").ToList();
        return new ReplicationSourcePlan.Wait(
            $"no healthy replica of \"{job.RelativePath}\" is ahead of \"{job.TargetStorage}\" (generation {target}, latest {generations.Generation}" +
            (holders.Count > 0 ? $" held by {string.Join(", ", holders)}, unhealthy)" : ", held by no configured replica)") +
            "; waiting rather than copying older data over it");
    }
}
