using Praefect.Configuration.GitlabRb.Syntax;

namespace Praefect.Configuration.Binding;

/// <summary>
/// Where each bound setting was written, so validators (which see only <see cref="Settings.PraefectSettings"/>)
/// can point at the right line. Paths are built by the static helpers; unknown paths fall back to
/// the first <c>praefect[...]</c> line, or 1:1.
/// </summary>
internal sealed class SettingsSourceMap
{
    private readonly Dictionary<string, TextPosition> _positions = new(StringComparer.Ordinal);

    public TextPosition Fallback { get; set; } = TextPosition.Start;

    /// <summary>
    /// Virtual storages (by index) where binding already reported a broken node (not a hash, 'primary' not a
    /// boolean): node and primary counts there are unknown, so the count rules stay silent.
    /// </summary>
    public HashSet<int> IncompleteStorages { get; } = [];

    private readonly Dictionary<string, string> _subjects = new(StringComparer.Ordinal);

    public TextPosition this[string path] => _positions.GetValueOrDefault(path, Fallback);

    /// <summary>How a flat key was written: <c>praefect['listen_addr']</c>, or <c>praefect['configuration'][:listen_addr]</c>.</summary>
    public string Subject(string key) => _subjects.GetValueOrDefault(key, Key(key));

    public void SetSubject(string key, string subject) => _subjects.TryAdd(key, subject);

    public bool Contains(string path) => _positions.ContainsKey(path);

    public void Set(string path, TextPosition position) => _positions.TryAdd(path, position);

    public static string Key(string key) => $"praefect['{key}']";

    public static string VirtualStorage(int index) => $"virtual_storages[{index}]";

    public static string Node(int storage, int node) => $"virtual_storages[{storage}].nodes[{node}]";

    public static string NodeField(int storage, int node, string field) => $"virtual_storages[{storage}].nodes[{node}].{field}";

    public static string GitDataDir(string name) => $"git_data_dirs['{name}']";

    public const string GitDataDirs = "git_data_dirs";
}
