using System.Text;
using System.Text.RegularExpressions;
using Praefect.Configuration.Binding;
using Praefect.Configuration.Settings;

namespace Praefect.Configuration.Validation;

/// <summary>
/// Rejects values that no rendered file can carry safely: user and group names systemd and chpst
/// would misread, relative paths or <c>..</c> (they would escape <c>--root</c>), control characters
/// in paths, env variables and svlogd settings, and strings that are not valid Unicode. Every
/// finding is reported; a value that passes renders to a working file.
/// Owned by the rendering work (it guards what the templates can express).
/// </summary>
internal sealed partial class RenderSafetyValidator : ISettingsValidator
{
    public const string Code = "render-unsafe-value";

    public void Validate(ValidationContext context)
    {
        var settings = context.Settings;
        void Add(string key, string message, string hint) =>
            context.Error(key.StartsWith("virtual_storages", StringComparison.Ordinal) ? key : SettingsSourceMap.Key(key), Code, message, hint);

        CheckAccount(settings.Username, "username", Add);
        CheckAccount(settings.Group, "group", Add);
        CheckRootedPath(settings.Dir, "dir", Add);
        CheckRootedPath(settings.LogDirectory, "log_directory", Add);
        CheckRootedPath(settings.BinaryPath, "binary_path", Add);
        CheckOptionalPath(settings.SocketPath, "socket_path", Add);
        CheckOptionalPath(settings.CertificatePath, "certificate_path", Add);
        CheckOptionalPath(settings.KeyPath, "key_path", Add);
        CheckNoControl(settings.LogRotation.Filter, "svlogd_filter", "an svlogd config line", Add);
        foreach (var (name, value) in settings.Env)
        {
            CheckEnv(name, value, Add);
        }

        foreach (var (key, value) in AllStrings(settings))
        {
            if (!IsValidUnicode(value))
            {
                var shown = key.StartsWith("virtual_storages", StringComparison.Ordinal) ? key : SettingsSourceMap.Key(key);
                Add(key, $"{shown} is not valid Unicode text (a lone surrogate)", "write the value as UTF-8 text");
            }
        }

    }

    public static bool IsSafeAccountName(string name) => AccountName().IsMatch(name);

    private static void CheckAccount(string name, string key, Action<string, string, string> add)
    {
        if (!IsSafeAccountName(name))
        {
            add(key, $"praefect['{key}'] = {Show(name)} is not a valid user or group name",
                "use letters, digits, '_', '-' or '.', starting with a letter or '_', at most 32 characters, e.g. 'git'");
        }
    }

    private static void CheckRootedPath(string path, string key, Action<string, string, string> add)
    {
        if (!path.StartsWith('/'))
        {
            add(key, $"praefect['{key}'] = {Show(path)} is not an absolute path", "write the full path, starting with '/'");
        }
        else if (path.Split('/').Any(segment => segment == ".."))
        {
            add(key, $"praefect['{key}'] = {Show(path)} contains '..'", "write the path without '..' segments");
        }

        CheckNoControl(path, key, "a path", add);
    }

    private static void CheckOptionalPath(string path, string key, Action<string, string, string> add) =>
        CheckNoControl(path, key, "a path", add);

    private static void CheckNoControl(string value, string key, string what, Action<string, string, string> add)
    {
        if (value.Any(char.IsControl))
        {
            add(key, $"praefect['{key}'] = {Show(value)} contains a control character (newline, tab, ...) that cannot be written into {what}",
                "remove the control character");
        }
    }

    private static void CheckEnv(string name, string value, Action<string, string, string> add)
    {
        if (!EnvName().IsMatch(name))
        {
            add("env", $"praefect['env'] has the variable name {Show(name)}, which is not a valid environment variable name",
                "use letters, digits and '_', not starting with a digit, e.g. 'SSL_CERT_DIR'");
        }

        if (value.Any(char.IsControl))
        {
            add("env", $"praefect['env']['{name}'] contains a control character (newline, tab, ...), which an env dir file cannot hold",
                "remove the control character");
        }
        else if (value.Length > 0 && char.IsWhiteSpace(value[^1]))
        {
            add("env", $"praefect['env']['{name}'] ends with whitespace, which chpst would drop", "remove the trailing whitespace");
        }
    }

    private static IEnumerable<(string Key, string Value)> AllStrings(PraefectSettings s)
    {
        yield return ("auth_token", s.AuthToken);
        yield return ("listen_addr", s.ListenAddr);
        yield return ("tls_listen_addr", s.TlsListenAddr);
        yield return ("prometheus_listen_addr", s.PrometheusListenAddr);
        yield return ("logging_level", s.LoggingLevel);
        yield return ("logging_format", s.LoggingFormat);
        yield return ("database_host", s.Database.Host);
        yield return ("database_user", s.Database.User);
        yield return ("database_password", s.Database.Password);
        yield return ("database_dbname", s.Database.DbName);
        yield return ("database_sslmode", s.Database.SslMode);
        for (var i = 0; i < s.VirtualStorages.Count; i++)
        {
            yield return (SettingsSourceMap.VirtualStorage(i), s.VirtualStorages[i].Name);
            for (var n = 0; n < s.VirtualStorages[i].Nodes.Count; n++)
            {
                var node = s.VirtualStorages[i].Nodes[n];
                yield return (SettingsSourceMap.Node(i, n), node.Storage);
                yield return (SettingsSourceMap.NodeField(i, n, "address"), node.Address);
                yield return (SettingsSourceMap.NodeField(i, n, "token"), node.Token);
            }
        }
    }

    private static bool IsValidUnicode(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (Rune.DecodeFromUtf16(value.AsSpan(i), out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return false;
            }

            i += consumed - 1;
        }

        return true;
    }

    /// <summary>Quotes a value for a message; control characters shown escaped so the message stays on one line.</summary>
    private static string Show(string value) =>
        "'" + string.Concat(value.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString())) + "'";

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.-]{0,31}\$?$")]
    private static partial Regex AccountName();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex EnvName();
}
