namespace Praefect.Server.Failover;

/// <summary>A repository whose latest writes a storage does not hold: promoting that storage would lose them.</summary>
/// <param name="LatestGeneration">The repository's generation (one per acknowledged write).</param>
/// <param name="TargetGeneration">The generation the storage holds (0: none).</param>
/// <param name="LatestStorages">The storages that hold <paramref name="LatestGeneration"/>.</param>
internal sealed record LostWrite(string RelativePath, long LatestGeneration, long TargetGeneration, IReadOnlyList<string> LatestStorages)
{
    /// <summary>How many acknowledged writes would be lost.</summary>
    public long Generations => LatestGeneration - TargetGeneration;
}
