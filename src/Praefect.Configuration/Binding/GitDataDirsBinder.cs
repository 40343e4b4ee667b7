using Praefect.Configuration.Diagnostics;
using Praefect.Configuration.GitlabRb;
using Praefect.Configuration.GitlabRb.Values;

namespace Praefect.Configuration.Binding;

/// <summary>
/// Reads <c>git_data_dirs({ 'name' =&gt; { 'gitaly_address' =&gt; ... } })</c> into storage name to
/// address (empty for a local <c>'path'</c> storage). Used to cross-check the virtual storage names.
/// </summary>
internal static class GitDataDirsBinder
{
    public static IReadOnlyDictionary<string, string>? Bind(TopLevelSetting? setting, DiagnosticBag bag, SettingsSourceMap map)
    {
        if (setting is null || setting.Value is RbNil or RbError)
        {
            return null;
        }

        map.Set(SettingsSourceMap.GitDataDirs, setting.NameSpan.Start);
        if (setting.Value is not RbHash hash)
        {
            bag.Error(setting.Value.Span.Start, DiagnosticCodes.WrongType, $"git_data_dirs must be given a hash, not {setting.Value.TypeName}", "write git_data_dirs({ 'praefect' => { 'gitaly_address' => 'tcp://praefect.internal:2305' } })");
            return null;
        }

        var storages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in hash.Entries)
        {
            if (entry.Name is null)
            {
                bag.Error(entry.Key.Span.Start, DiagnosticCodes.InvalidKey, $"git_data_dirs has {entry.Key.TypeName} as a storage name", "quote the storage name: 'default' => { ... }");
                continue;
            }

            map.Set(SettingsSourceMap.GitDataDir(entry.Name), entry.Key.Span.Start);
            storages[entry.Name] = entry.Value switch
            {
                RbHash storage => AddressOf(storage, entry.Name, bag),
                RbError => "",
                _ => WrongStorage(entry, bag),
            };
        }

        return storages;
    }

    private static string AddressOf(RbHash storage, string name, DiagnosticBag bag)
    {
        var address = storage["gitaly_address"];
        return address is null ? "" : new SettingValue($"git_data_dirs['{name}']['gitaly_address']", address, bag).String("");
    }

    private static string WrongStorage(RbHashEntry entry, DiagnosticBag bag)
    {
        bag.Error(entry.Value.Span.Start, DiagnosticCodes.WrongType, $"git_data_dirs['{entry.Name}'] must be a hash, not {entry.Value.TypeName}", $"write '{entry.Name}' => {{ 'gitaly_address' => 'tcp://host:8075' }} or {{ 'path' => '/var/opt/gitlab/git-data' }}");
        return "";
    }
}
