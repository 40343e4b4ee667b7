namespace Praefect.Datastore;

/// <summary>
/// One migration as <c>sql-migrate-status</c> shows it: applied (with when), not applied, or applied
/// to the database but unknown to this build (a newer praefect ran).
/// </summary>
public sealed record MigrationStatus(string Name, DateTimeOffset? AppliedAt, bool Unknown);
