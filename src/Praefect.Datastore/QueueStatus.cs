namespace Praefect.Datastore;

/// <summary>Jobs of one virtual storage and target in one state.</summary>
public sealed record QueueStatus(
    string VirtualStorage,
    string TargetStorage,
    JobState State,
    long Count,
    DateTimeOffset? OldestCreatedAt);
