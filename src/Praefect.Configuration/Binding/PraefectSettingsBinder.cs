using Praefect.Configuration.Diagnostics;
using Praefect.Configuration.GitlabRb;
using Praefect.Configuration.GitlabRb.Values;
using Praefect.Configuration.Settings;

namespace Praefect.Configuration.Binding;

/// <summary>
/// Binds the parsed gitlab.rb into <see cref="PraefectSettings"/>: defaults for what is unset,
/// every node-list form normalised, type errors and unknown keys reported (with a did-you-mean).
/// </summary>
internal static class PraefectSettingsBinder
{
    public static (PraefectSettings Settings, SettingsSourceMap Map) Bind(GitlabRbDocument document, DiagnosticBag bag)
    {
        var map = new SettingsSourceMap();
        var settings = new PraefectSettings();
        if (document.Find("praefect") is { } praefect)
        {
            map.Fallback = praefect.NameSpan.Start;
            if (praefect.Value is RbHash hash)
            {
                settings = BindPraefect(hash, settings, bag, map);
            }
            else if (praefect.Value is not RbError)
            {
                bag.Error(praefect.NameSpan.Start, DiagnosticCodes.WrongType, "praefect is set with a call; its settings are assigned one by one", "write praefect['key'] = value");
            }
        }

        var gitDataDirs = GitDataDirsBinder.Bind(document.Find("git_data_dirs"), bag, map);
        return (settings with { GitDataDirs = gitDataDirs }, map);
    }

    private static PraefectSettings BindPraefect(RbHash praefect, PraefectSettings settings, DiagnosticBag bag, SettingsSourceMap map)
    {
        var assignments = new List<FlatAssignment>();
        RbHashEntry? configuration = null;
        foreach (var entry in praefect.Entries)
        {
            if (entry.Name is not { } key)
            {
                // praefect[1] or praefect[nil]: the key is neither string nor symbol; it was reported where it was read.
                continue;
            }

            map.Set(SettingsSourceMap.Key(key), entry.Value.Span.Start);
            if (key == PraefectKeyBinders.ConfigurationKey)
            {
                configuration = entry;
            }
            else if (PraefectKeyBinders.Flat.ContainsKey(key) || PraefectKeyBinders.IgnoredKeys.Contains(key))
            {
                assignments.Add(new FlatAssignment(key, entry.Value, entry.Key.Span.Start, SettingsSourceMap.Key(key), InConfiguration: false));
            }
            else if (!PraefectKeyBinders.NodeListKeys.Contains(key))
            {
                ReportUnknownKey(entry, bag);
            }
        }

        var configured = configuration is null ? null : ConfigurationHashReader.Read(configuration, bag);
        assignments.AddRange(configured?.Assignments ?? []);
        var first = new Dictionary<string, FlatAssignment>(StringComparer.Ordinal);
        foreach (var assignment in assignments)
        {
            if (first.TryGetValue(assignment.Key, out var earlier))
            {
                if (assignment.Value is not RbNil)
                {
                    bag.Error(
                        assignment.At,
                        DiagnosticCodes.ConflictingKeys,
                        $"{assignment.Subject} and {earlier.Subject} (at {earlier.At}) both set {assignment.Key}",
                        $"keep one of them; {(assignment.InConfiguration ? assignment.Subject : earlier.Subject)} is the 15.9+ form");
                }

                continue;
            }

            if (assignment.Value is RbNil)
            {
                continue;
            }

            first[assignment.Key] = assignment;
            map.Set(SettingsSourceMap.Key(assignment.Key), assignment.Value.Span.Start);
            map.SetSubject(assignment.Key, assignment.Subject);
            if (PraefectKeyBinders.Flat.TryGetValue(assignment.Key, out var bind))
            {
                settings = bind(new SettingValue(assignment.Subject, assignment.Value, bag), settings);
            }
            else
            {
                bag.Warning(assignment.At, DiagnosticCodes.IgnoredKey, $"{assignment.Subject} has no effect here: {OmnibusKeysWithoutEffect.Reasons[assignment.Key]}", "remove it to silence this warning");
            }
        }

        var storages = NodeListBinder.Bind(praefect, configured?.VirtualStorage, bag, map);
        return settings with { VirtualStorages = storages };
    }

    private static void ReportUnknownKey(RbHashEntry entry, DiagnosticBag bag)
    {
        var key = entry.Name!;
        var suggestion = DidYouMean.Suggest(key, PraefectKeyBinders.All);
        bag.Error(
            entry.Key.Span.Start,
            DiagnosticCodes.UnknownKey,
            suggestion is null ? $"unknown key praefect['{key}']" : $"unknown key praefect['{key}']; did you mean '{suggestion}'?",
            suggestion is null
                ? "check the spelling; praefect reads keys such as listen_addr, auth_token, virtual_storages and database_host"
                : $"rename it to praefect['{suggestion}']");
    }
}
