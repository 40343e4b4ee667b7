using System.CommandLine;
using System.Globalization;
using Praefect.Subcommands.Common;
using Praefect.Datastore;

namespace Praefect.Ctl.Commands.ReplicationStatus;

/// <summary>
/// <c>praefect-ctl replication-status</c>: the replication queue per virtual storage and target node,
/// read from the datastore: counts by state, age of the oldest ready job, the last errors of dead jobs.
/// </summary>
internal static class ReplicationStatusCommand
{
    public const string Name = "replication-status";
    private const int DeadJobsShown = 20;

    public static Command Create(CtlOutput output)
    {
        var config = RuntimeDatastore.ConfigOption();
        var command = new Command(Name, """
            Show the replication queue per virtual storage and target node: jobs by state, age of the oldest ready job, and the last error of dead jobs.

            Examples:
              praefect-ctl replication-status
              praefect-ctl replication-status --config /var/opt/gitlab/praefect/config.yml
            """)
        {
            config,
        };
        command.SetAction((parse, cancellationToken) => ExecuteAsync(parse.GetValue(config)!, output, TimeProvider.System, cancellationToken));
        return command;
    }

    public static async Task<int> ExecuteAsync(string configPath, CtlOutput output, TimeProvider time, CancellationToken cancellationToken)
    {
        var loaded = RuntimeDatastore.Load(configPath, Name, output);
        if (loaded is null)
        {
            return ExitCodes.Usage;
        }

        var (config, store) = loaded.Value;

        await using var _ = store;
        try
        {
            var status = await store.GetQueueStatusAsync(cancellationToken);
            var dead = await store.GetJobsAsync(JobState.Dead, DeadJobsShown, cancellationToken);
            var targets = config.VirtualStorages.SelectMany(vs => vs.Nodes.Select(n => (vs.Name, n.Storage)))
                .Concat(status.Select(s => (Name: s.VirtualStorage, Storage: s.TargetStorage)))
                .Distinct()
                .ToList();
            var rows = new List<string[]> { new[] { "VIRTUAL STORAGE", "TARGET", "PENDING", "READY", "IN PROGRESS", "FAILED", "DEAD", "COMPLETED", "OLDEST READY" } };
            foreach (var (virtualStorage, target) in targets)
            {
                var of = status.Where(s => s.VirtualStorage == virtualStorage && s.TargetStorage == target).ToList();
                string Count(JobState state) => of.Where(s => s.State == state).Sum(s => s.Count).ToString(CultureInfo.InvariantCulture);
                var oldest = of.FirstOrDefault(s => s.State == JobState.Ready)?.OldestCreatedAt;
                rows.Add([virtualStorage, target, Count(JobState.Pending), Count(JobState.Ready), Count(JobState.InProgress), Count(JobState.Failed),
                    Count(JobState.Dead), Count(JobState.Completed), oldest is { } at ? Age(time.GetUtcNow() - at) : "-"]);
            }

            TextTable.Write(output.Out, rows);
            if (dead.Count > 0)
            {
                output.Out.WriteLine();
                output.Out.WriteLine($"dead jobs (newest first, at most {DeadJobsShown}):");
                foreach (var job in dead)
                {
                    output.Out.WriteLine($"  job {job.Id} {job.VirtualStorage}/{job.RelativePath} -> {job.TargetStorage} after {job.Attempts} attempts: {job.LastError}");
                }
            }

            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is DatastoreException or System.Data.Common.DbException)
        {
            output.Error.WriteLine($"praefect-ctl {Name}: error: {e.Message}");
            return ExitCodes.Failed;
        }
    }

    /// <summary>"42s", "5m03s", "2h04m".</summary>
    internal static string Age(TimeSpan age)
    {
        if (age < TimeSpan.FromMinutes(1))
        {
            return $"{Math.Max(0, (int)age.TotalSeconds)}s";
        }

        return age < TimeSpan.FromHours(1)
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalMinutes}m{age.Seconds:00}s")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalHours}h{age.Minutes:00}m");
    }
}
