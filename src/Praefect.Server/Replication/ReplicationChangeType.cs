namespace Praefect.Server.Replication;

/// <summary>
/// The Go Praefect's change type of a job (the <c>type</c> label of the replication histograms and
/// the <c>change_type</c> of <c>gitaly_praefect_replication_jobs</c>), from the method that caused it.
/// Every job copies the whole repository; the label only says what the write was.
/// </summary>
internal static class ReplicationChangeType
{
    private static readonly Dictionary<string, string> ByMethod = new(StringComparer.Ordinal)
    {
        ["CreateRepository"] = "create",
        ["CreateRepositoryFromURL"] = "create",
        ["CreateRepositoryFromBundle"] = "create",
        ["CreateRepositoryFromSnapshot"] = "create",
        ["CreateFork"] = "create",
        ["RemoveRepository"] = "delete",
        ["RenameRepository"] = "rename",
        ["GarbageCollect"] = "gc",
        ["RepackFull"] = "repack_full",
        ["RepackIncremental"] = "repack_incremental",
        ["Cleanup"] = "cleanup",
        ["PackRefs"] = "pack_refs",
        ["WriteCommitGraph"] = "write_commit_graph",
        ["MidxRepack"] = "midx_repack",
        ["OptimizeRepository"] = "optimize_repository",
        ["PruneUnreachableObjects"] = "prune_unreachable_objects",
    };

    /// <summary><paramref name="changeType"/> is what the job records: a full method name or a name like "accept-dataloss".</summary>
    public static string Of(string changeType)
    {
        var slash = changeType.LastIndexOf('/');
        var method = slash >= 0 ? changeType[(slash + 1)..] : changeType;
        return ByMethod.GetValueOrDefault(method, "update");
    }
}
