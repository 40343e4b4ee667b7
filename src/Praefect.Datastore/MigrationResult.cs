namespace Praefect.Datastore;

/// <summary>What a migration run did: the migrations applied now and the ones already there.</summary>
public sealed record MigrationResult(IReadOnlyList<string> Applied, IReadOnlyList<string> AlreadyApplied);
