using Npgsql;
using Praefect.Configuration.Runtime;
using Praefect.Datastore.Postgres;
using Praefect.Datastore.Sqlite;

namespace Praefect.Datastore;

/// <summary>
/// The one place a backend is chosen: PostgreSQL when the runtime config names a database host,
/// otherwise SQLite in <c>&lt;data_dir&gt;/praefect.db</c>.
/// </summary>
public static class DatastoreFactory
{
    public const string SqliteFileName = "praefect.db";

    public static IDatastore Create(RuntimeConfig config, TimeProvider? time = null) =>
        string.IsNullOrWhiteSpace(config.Database.Host)
            ? CreateSqlite(Path.Combine(config.DataDir, SqliteFileName), time)
            : CreatePostgres(PostgresConnectionString(config.Database), time);

    public static IDatastore CreateSqlite(string path, TimeProvider? time = null) =>
        new SqliteDatastore(path, time ?? TimeProvider.System);

    public static IDatastore CreatePostgres(string connectionString, TimeProvider? time = null) =>
        new PostgresDatastore(connectionString, time ?? TimeProvider.System);

    /// <summary>An Npgsql connection string from the <c>database</c> section (holds the password: never print it).</summary>
    public static string PostgresConnectionString(DatabaseConfig database)
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = database.Host,
            Port = database.Port,
            Username = database.User,
            Database = database.Dbname,
            SslMode = ParseSslMode(database.Sslmode),
            ApplicationName = "praefect",
        };
        if (!string.IsNullOrEmpty(database.Password))
        {
            builder.Password = database.Password;
        }

        return builder.ConnectionString;
    }

    private static SslMode ParseSslMode(string value) => value.Trim().ToLowerInvariant() switch
    {
        "" or "prefer" => SslMode.Prefer,
        "disable" => SslMode.Disable,
        "allow" => SslMode.Allow,
        "require" => SslMode.Require,
        "verify-ca" => SslMode.VerifyCA,
        "verify-full" => SslMode.VerifyFull,
        _ => throw new DatastoreException($"database sslmode '{value}' is not one of disable, allow, prefer, require, verify-ca, verify-full; set praefect['database_sslmode'] to one of them."),
    };
}
