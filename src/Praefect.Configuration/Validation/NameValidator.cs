using Praefect.Configuration.Binding;
using Praefect.Configuration.Diagnostics;

namespace Praefect.Configuration.Validation;

/// <summary>
/// Virtual storage and node storage names are identifiers that GitLab, Gitaly and the datastore
/// compare byte for byte: never empty, no whitespace, no control characters (newline, NUL, ...).
/// An empty node storage name is <see cref="NodeRequiredFieldsValidator"/>'s.
/// </summary>
internal sealed class NameValidator : ISettingsValidator
{
    public void Validate(ValidationContext context)
    {
        foreach (var (storage, index) in context.Settings.VirtualStorages.Select((s, i) => (s, i)))
        {
            if (storage.Name.Length == 0)
            {
                context.Error(
                    SettingsSourceMap.VirtualStorage(index),
                    DiagnosticCodes.InvalidName,
                    "a virtual storage has an empty name; name it, such as 'praefect'",
                    "the name is the storage GitLab uses in git_data_dirs, so it cannot be empty");
            }
            else if (Unusable(storage.Name))
            {
                context.Error(
                    SettingsSourceMap.VirtualStorage(index),
                    DiagnosticCodes.InvalidName,
                    $"{Subjects.Storage(storage)} has whitespace or a control character in its name",
                    "use letters, digits, '-', '_' and '.', such as 'praefect'");
            }

            foreach (var (node, n) in storage.Nodes.Select((node, n) => (node, n)))
            {
                if (Unusable(node.Storage))
                {
                    context.Error(
                        SettingsSourceMap.Node(index, n),
                        DiagnosticCodes.InvalidName,
                        $"{Subjects.Node(storage, node, n)} has whitespace or a control character in its storage name",
                        "write the storage name exactly as that Gitaly node configures it, such as 'praefect-git-1'");
                }
            }
        }

        var host = context.Settings.Database.Host;
        if (Unusable(host))
        {
            context.Error(
                SettingsSourceMap.Key("database_host"),
                DiagnosticCodes.InvalidValue,
                $"{context.Map.Subject("database_host")} is {Shown.Quote(host)}, which has whitespace or a control character; a host name cannot",
                "write the host name or IP address alone, such as 'postgres.internal'");
        }
    }

    private static bool Unusable(string value) => value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));
}
