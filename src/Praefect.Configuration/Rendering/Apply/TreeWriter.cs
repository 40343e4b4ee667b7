namespace Praefect.Configuration.Rendering.Apply;

/// <summary>
/// Applies planned changes under a root, all or nothing as far as the file system allows:
/// <list type="number">
/// <item>Stage: create the missing directories, write every new or changed file (and every
/// new link) to a temp file beside its target with its final mode and owner. Any failure here
/// removes the temps and the directories this run created: the previous tree is byte-identical
/// and a fresh root stays empty.</item>
/// <item>Commit: rename each temp over its target (parents before children), then fix directory
/// modes and owners and remove files no longer rendered.</item>
/// </list>
/// The one window left is the commit's renames: a crash or I/O error between two renames leaves
/// some files new and some old (each one whole). A rerun repairs it: the renamed files then
/// compare unchanged, the rest are written, and stale temps of an earlier run are removed.
/// </summary>
public static class TreeWriter
{
    /// <returns>null on success, else the error message.</returns>
    public static string? Apply(IReadOnlyList<PlannedChange> changes, string root, OwnerPolicy owners)
    {
        using var stage = new TreeStage(root, owners);
        try
        {
            foreach (var change in changes)
            {
                stage.Add(change);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stage.Rollback();
            return $"cannot write '{stage.FailedPath}': {e.Message.TrimEnd('.')}. Nothing was changed: every file under {root} is as it was. Fix the cause and run reconfigure again.";
        }

        try
        {
            stage.Commit();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot write '{stage.FailedPath}': {e.Message.TrimEnd('.')}. {stage.Committed} of {stage.Count} files were replaced (each wholly old or wholly new); fix the cause and run reconfigure again to write the rest.";
        }

        return null;
    }
}
