using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Praefect.Configuration.Settings;

/// <summary>
/// The effective settings as JSON for <c>praefect-ctl show-config</c> and the golden tests. Keys are
/// the gitlab.rb names, in a fixed order; secrets are <c>[REDACTED]</c> unless asked otherwise.
/// </summary>
public static class SettingsJson
{
    public static string Write(PraefectSettings settings, bool redact = true)
    {
        var shown = redact ? SettingsRedactor.RedactSettings(settings) : settings;
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteSettings(json, shown);
        }

        return Encoding.UTF8.GetString(stream.ToArray()).ReplaceLineEndings("\n") + "\n";
    }

    private static void WriteSettings(Utf8JsonWriter json, PraefectSettings s)
    {
        json.WriteStartObject();
        json.WriteBoolean("enable", s.Enable);
        json.WriteString("dir", s.Dir);
        json.WriteString("log_directory", s.LogDirectory);
        json.WriteString("listen_addr", s.ListenAddr);
        json.WriteString("socket_path", s.SocketPath);
        json.WriteString("tls_listen_addr", s.TlsListenAddr);
        json.WriteString("certificate_path", s.CertificatePath);
        json.WriteString("key_path", s.KeyPath);
        json.WriteString("prometheus_listen_addr", s.PrometheusListenAddr);
        json.WriteString("auth_token", s.AuthToken);
        json.WriteBoolean("auth_transitioning", s.AuthTransitioning);
        json.WriteString("logging_level", s.LoggingLevel);
        json.WriteString("logging_format", s.LoggingFormat);
        json.WriteStartObject("database");
        json.WriteString("host", s.Database.Host);
        json.WriteNumber("port", s.Database.Port);
        json.WriteString("user", s.Database.User);
        json.WriteString("password", s.Database.Password);
        json.WriteString("dbname", s.Database.DbName);
        json.WriteString("sslmode", s.Database.SslMode);
        json.WriteEndObject();
        json.WriteBoolean("failover_enabled", s.FailoverEnabled);
        json.WriteNumber("failover_timeout", s.FailoverTimeoutSeconds);
        json.WriteBoolean("failover_force", s.FailoverForce);
        json.WriteBoolean("distributed_reads_enabled", s.DistributedReadsEnabled);
        json.WriteStartObject("transactions");
        json.WriteBoolean("reference_transactions_enabled", s.Transactions.Enabled);
        json.WriteString("transactions_quorum", s.Transactions.Quorum);
        json.WriteNumber("transactions_vote_timeout", s.Transactions.VoteTimeoutSeconds);
        json.WriteEndObject();
        json.WriteNumber("graceful_stop_timeout", s.GracefulStopTimeoutSeconds);
        json.WriteString("service_manager", s.ServiceManager);
        json.WriteString("username", s.Username);
        json.WriteString("group", s.Group);
        json.WriteString("binary_path", s.BinaryPath);
        json.WriteStartObject("env");
        foreach (var (name, value) in s.Env.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            json.WriteString(name, value);
        }

        json.WriteEndObject();
        json.WriteStartObject("log_rotation");
        json.WriteNumber("svlogd_size", s.LogRotation.Size);
        json.WriteNumber("svlogd_num", s.LogRotation.Num);
        json.WriteNumber("svlogd_timeout", s.LogRotation.TimeoutSeconds);
        json.WriteString("svlogd_filter", s.LogRotation.Filter);
        json.WriteEndObject();
        json.WriteStartObject("replication");
        json.WriteNumber("workers_per_node", s.Replication.WorkersPerNode);
        json.WriteNumber("max_attempts", s.Replication.MaxAttempts);
        json.WriteEndObject();
        WriteVirtualStorages(json, s.VirtualStorages);
        WriteGitDataDirs(json, s.GitDataDirs);
        json.WriteEndObject();
    }

    private static void WriteVirtualStorages(Utf8JsonWriter json, IReadOnlyList<VirtualStorageSettings> storages)
    {
        json.WriteStartArray("virtual_storages");
        foreach (var storage in storages)
        {
            json.WriteStartObject();
            json.WriteString("name", storage.Name);
            json.WriteStartArray("nodes");
            foreach (var node in storage.Nodes)
            {
                json.WriteStartObject();
                json.WriteString("storage", node.Storage);
                json.WriteString("address", node.Address);
                json.WriteString("token", node.Token);
                json.WriteBoolean("primary", node.Primary);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteGitDataDirs(Utf8JsonWriter json, IReadOnlyDictionary<string, string>? dirs)
    {
        if (dirs is null)
        {
            json.WriteNull("git_data_dirs");
            return;
        }

        json.WriteStartObject("git_data_dirs");
        foreach (var (name, address) in dirs)
        {
            json.WriteString(name, address);
        }

        json.WriteEndObject();
    }
}
