using System.Globalization;
using System.Reflection;

namespace Praefect.Datastore.Sql;

/// <summary>
/// One schema migration: an embedded <c>NNNN_name.sql</c> file of a backend, and its down step
/// <c>NNNN_name.down.sql</c> (null when it has none: sql-migrate-down then refuses to roll it back).
/// </summary>
internal sealed record Migration(long Version, string Name, string Sql, string? Down = null)
{
    private const string DownSuffix = ".down.sql";

    /// <summary>The migrations embedded under <paramref name="folder"/> (e.g. "Sqlite/Migrations/"), in version order.</summary>
    public static IReadOnlyList<Migration> Load(string folder)
    {
        var assembly = typeof(Migration).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(folder, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal)
                && !name.EndsWith(DownSuffix, StringComparison.Ordinal))
            .Select(name => Read(assembly, name, folder))
            .OrderBy(migration => migration.Version)
            .ToList();
    }

    private static Migration Read(Assembly assembly, string resource, string folder)
    {
        var name = resource[folder.Length..^".sql".Length];
        var underscore = name.IndexOf('_', StringComparison.Ordinal);
        if (underscore <= 0 || !long.TryParse(name[..underscore], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new InvalidOperationException($"migration '{resource}' is not named NNNN_description.sql");
        }

        return new Migration(version, name, Text(assembly, resource)!, Text(assembly, folder + name + DownSuffix));
    }

    private static string? Text(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
