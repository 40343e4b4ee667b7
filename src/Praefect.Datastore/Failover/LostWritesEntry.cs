namespace Praefect.Datastore.Failover;

/// <summary>A repository that loses writes in a switch: its latest generation and what the new primary holds.</summary>
public sealed record LostWritesEntry(string RelativePath, long LatestGeneration, long PrimaryGeneration);
