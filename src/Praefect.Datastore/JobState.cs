namespace Praefect.Datastore;

/// <summary>
/// The life of a replication job: <see cref="Pending"/> while its mutator runs, <see cref="Ready"/>
/// once it ended, <see cref="InProgress"/> under a lease, then <see cref="Completed"/>, or
/// <see cref="Failed"/> (retried after a backoff) and finally <see cref="Dead"/>.
/// </summary>
public enum JobState
{
    Pending,
    Ready,
    InProgress,
    Completed,
    Failed,
    Dead,
}

/// <summary>The names stored in the database and printed to operators.</summary>
public static class JobStateNames
{
    public const string Pending = "pending";
    public const string Ready = "ready";
    public const string InProgress = "in_progress";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Dead = "dead";

    public static string ToName(this JobState state) => state switch
    {
        JobState.Pending => Pending,
        JobState.Ready => Ready,
        JobState.InProgress => InProgress,
        JobState.Completed => Completed,
        JobState.Failed => Failed,
        JobState.Dead => Dead,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "unknown job state"),
    };

    public static JobState Parse(string name) => name switch
    {
        Pending => JobState.Pending,
        Ready => JobState.Ready,
        InProgress => JobState.InProgress,
        Completed => JobState.Completed,
        Failed => JobState.Failed,
        Dead => JobState.Dead,
        _ => throw new FormatException($"unknown replication job state '{name}' in the database"),
    };
}
