namespace Praefect.Datastore;

/// <summary>What to replicate: the repository, from which storage to which, and why (the mutator's method).</summary>
/// <param name="ChangeType">The mutator's method (a copy), <see cref="ChangeTypes.Delete"/> or <see cref="ChangeTypes.Rename"/>.</param>
/// <param name="NewRelativePath">For a rename: the repository's new relative path.</param>
/// <param name="CorrelationId">The correlation id of the client call that recorded the job; the job's log lines and node calls carry it.</param>
public sealed record JobRequest(
    string VirtualStorage,
    string RelativePath,
    string SourceStorage,
    string TargetStorage,
    string ChangeType,
    string? NewRelativePath = null,
    string? CorrelationId = null);
