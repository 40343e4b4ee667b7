using Praefect.Configuration.Binding;
using Praefect.Configuration.Diagnostics;

namespace Praefect.Configuration.Validation;

/// <summary>
/// When git_data_dirs is set, each virtual storage name should be one of its storages: GitLab
/// addresses praefect by that name (the seed's own comment says they must match).
/// </summary>
internal sealed class GitDataDirsValidator : ISettingsValidator
{
    public void Validate(ValidationContext context)
    {
        if (context.Settings.GitDataDirs is not { } dirs)
        {
            return;
        }

        foreach (var (storage, index) in context.Settings.VirtualStorages.Select((v, i) => (v, i)))
        {
            if (!dirs.ContainsKey(storage.Name))
            {
                context.Warning(
                    SettingsSourceMap.VirtualStorage(index),
                    DiagnosticCodes.GitDataDirsMismatch,
                    $"{Subjects.Storage(storage)} is not a storage in git_data_dirs; add '{storage.Name}' => {{ 'gitaly_address' => 'tcp://praefect.internal:2305' }} to git_data_dirs",
                    $"GitLab reaches praefect through the git_data_dirs storage of the same name; it has {(dirs.Count == 0 ? "none" : string.Join(", ", dirs.Keys.Select(k => $"'{k}'")))}");
            }
        }
    }
}
