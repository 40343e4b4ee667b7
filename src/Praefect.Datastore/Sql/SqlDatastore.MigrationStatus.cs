using System.Data.Common;

namespace Praefect.Datastore.Sql;

internal abstract partial class SqlDatastore
{
    public async Task<IReadOnlyList<MigrationStatus>> GetMigrationStatusAsync(CancellationToken cancellationToken)
    {
        var applied = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await using (var connection = await OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await using var command = SqlCommands.Create(connection, null, "SELECT name, applied_at FROM schema_migrations");
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    applied[reader.GetString(0)] = UnixMillis.To(reader.GetInt64(1));
                }
            }
            catch (DbException) when (applied.Count == 0)
            {
                // No schema_migrations table yet: nothing applied.
            }
        }

        var known = Migration.Load(MigrationFolder).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        return known
            .Select(name => new MigrationStatus(name, applied.TryGetValue(name, out var at) ? at : null, false))
            .Concat(applied.Where(a => !known.Contains(a.Key)).Select(a => new MigrationStatus(a.Key, a.Value, true)))
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
    }
}
