using Praefect.Configuration.Diagnostics;
using Praefect.Configuration.GitlabRb.Values;

namespace Praefect.Configuration.Binding;

/// <summary>
/// Reads <c>praefect['configuration'] = { ... }</c>, the form Omnibus 15.9+ renders straight into the
/// Go Praefect's config: each inner key (Go Praefect's name, such as <c>auth: { token: }</c>) becomes the
/// flat key it replaced (<c>auth_token</c>), so both forms bind to the same settings. Inner keys of
/// features this Praefect lacks get one warning each; keys no Praefect has are errors with their position.
/// </summary>
internal static class ConfigurationHashReader
{
    public const string Root = "praefect['configuration']";

    /// <summary>Go Praefect config path (dotted) to the flat Omnibus key it replaced.</summary>
    public static readonly IReadOnlyDictionary<string, string> FlatKeyOf = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["listen_addr"] = "listen_addr",
        ["socket_path"] = "socket_path",
        ["prometheus_listen_addr"] = "prometheus_listen_addr",
        ["tls_listen_addr"] = "tls_listen_addr",
        ["prometheus_exclude_database_from_default_metrics"] = "separate_database_metrics",
        ["graceful_stop_timeout"] = "graceful_stop_timeout",
        ["memory_queue_enabled"] = "memory_queue_enabled",
        ["auth.token"] = "auth_token",
        ["auth.transitioning"] = "auth_transitioning",
        ["logging.format"] = "logging_format",
        ["logging.level"] = "logging_level",
        ["failover.enabled"] = "failover_enabled",
        ["failover.election_strategy"] = "failover_election_strategy",
        ["failover.read_only_after_failover"] = "failover_read_only_after_failover",
        ["background_verification.delete_invalid_records"] = "background_verification_delete_invalid_records",
        ["background_verification.verification_interval"] = "background_verification_verification_interval",
        ["reconciliation.scheduling_interval"] = "reconciliation_scheduling_interval",
        ["reconciliation.histogram_buckets"] = "reconciliation_histogram_buckets",
        ["tls.certificate_path"] = "certificate_path",
        ["tls.key_path"] = "key_path",
        ["database.host"] = "database_host",
        ["database.port"] = "database_port",
        ["database.user"] = "database_user",
        ["database.password"] = "database_password",
        ["database.dbname"] = "database_dbname",
        ["database.sslmode"] = "database_sslmode",
        ["database.sslcert"] = "database_sslcert",
        ["database.sslkey"] = "database_sslkey",
        ["database.sslrootcert"] = "database_sslrootcert",
        ["database.session_pooled.host"] = "database_direct_host",
        ["database.session_pooled.port"] = "database_direct_port",
        ["database.session_pooled.user"] = "database_direct_user",
        ["database.session_pooled.password"] = "database_direct_password",
        ["database.session_pooled.dbname"] = "database_direct_dbname",
        ["database.session_pooled.sslmode"] = "database_direct_sslmode",
        ["database.session_pooled.sslcert"] = "database_direct_sslcert",
        ["database.session_pooled.sslkey"] = "database_direct_sslkey",
        ["database.session_pooled.sslrootcert"] = "database_direct_sslrootcert",
        ["sentry.sentry_dsn"] = "sentry_dsn",
        ["sentry.sentry_environment"] = "sentry_environment",
        ["prometheus.grpc_latency_buckets"] = "prometheus_grpc_latency_buckets",
    };

    /// <summary>The inner tables (hashes) of the Go Praefect config.</summary>
    private static readonly HashSet<string> Tables = new(StringComparer.Ordinal)
    {
        "auth", "logging", "failover", "background_verification", "reconciliation", "tls", "database",
        "database.session_pooled", "sentry", "prometheus", "replication", "repositories_cleanup", "yamux",
    };

    public const string VirtualStorageKey = "virtual_storage";

    /// <summary>What the hash held: flat assignments in file order, and the <c>virtual_storage</c> array if set.</summary>
    public sealed record Content(List<FlatAssignment> Assignments, RbHashEntry? VirtualStorage);

    public static Content Read(RbHashEntry configuration, DiagnosticBag bag)
    {
        var content = new Content([], null);
        switch (configuration.Value)
        {
            case RbHash hash:
                return ReadTable(hash, "", Root, bag, content);
            case RbNil or RbError:
                return content;
            default:
                bag.Error(configuration.Value.Span.Start, DiagnosticCodes.WrongType, $"{Root} must be a hash, not {configuration.Value.TypeName}", "write praefect['configuration'] = { listen_addr: 'localhost:2305', ... }");
                return content;
        }
    }

    public static string Subject(string subjectOfTable, string name) => $"{subjectOfTable}[:{name}]";

    private static Content ReadTable(RbHash table, string prefix, string subject, DiagnosticBag bag, Content content)
    {
        foreach (var entry in table.Entries)
        {
            if (entry.Name is not { } name)
            {
                bag.Error(entry.Key.Span.Start, DiagnosticCodes.InvalidKey, $"{subject} has {entry.Key.TypeName} as key; keys must be symbols or strings", "write name: value");
                continue;
            }

            var path = prefix + name;
            var inner = Subject(subject, name);
            if (path == VirtualStorageKey)
            {
                content = content with { VirtualStorage = entry };
            }
            else if (Tables.Contains(path))
            {
                if (entry.Value is RbHash nested)
                {
                    content = ReadTable(nested, path + ".", inner, bag, content);
                }
                else if (entry.Value is not (RbNil or RbError))
                {
                    bag.Error(entry.Value.Span.Start, DiagnosticCodes.WrongType, $"{inner} must be a hash, not {entry.Value.TypeName}", $"write {name}: {{ ... }}");
                }
            }
            else if (FlatKeyOf.TryGetValue(path, out var flat))
            {
                content.Assignments.Add(new FlatAssignment(flat, entry.Value, entry.Key.Span.Start, inner, InConfiguration: true));
            }
            else if (OmnibusKeysWithoutEffect.ConfigurationOnly.TryGetValue(path, out var reason))
            {
                if (entry.Value is not RbNil)
                {
                    bag.Warning(entry.Key.Span.Start, DiagnosticCodes.IgnoredKey, $"{inner} has no effect here: {reason}", "remove it to silence this warning");
                }
            }
            else
            {
                ReportUnknown(entry, name, prefix, subject, bag);
            }
        }

        return content;
    }

    private static void ReportUnknown(RbHashEntry entry, string name, string prefix, string subject, DiagnosticBag bag)
    {
        var siblings = FlatKeyOf.Keys.Concat(OmnibusKeysWithoutEffect.ConfigurationOnly.Keys).Concat(Tables).Append(VirtualStorageKey)
            .Where(p => p.StartsWith(prefix, StringComparison.Ordinal) && !p[prefix.Length..].Contains('.', StringComparison.Ordinal))
            .Select(p => p[prefix.Length..])
            .ToList();
        var suggestion = DidYouMean.Suggest(name, siblings);
        var where = prefix.Length == 0 ? Root : subject;
        bag.Error(
            entry.Key.Span.Start,
            DiagnosticCodes.UnknownKey,
            suggestion is null ? $"unknown key {Subject(subject, name)}" : $"unknown key {Subject(subject, name)}; did you mean '{suggestion}'?",
            suggestion is null
                ? $"{where} takes {string.Join(", ", siblings.Order(StringComparer.Ordinal).Take(12))}{(siblings.Count > 12 ? ", ..." : "")}"
                : $"rename it to {suggestion}:");
    }
}
