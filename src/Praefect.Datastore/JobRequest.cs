namespace Praefect.Datastore;

/// <summary>What to replicate: the repository, from which storage to which, and why (the mutator's method).</summary>
public sealed record JobRequest(
    string VirtualStorage,
    string RelativePath,
    string SourceStorage,
    string TargetStorage,
    string ChangeType);
