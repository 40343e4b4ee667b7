using Praefect.Configuration.GitlabRb.Syntax;
using Praefect.Configuration.GitlabRb.Values;

namespace Praefect.Configuration.GitlabRb;

/// <summary>
/// Everything a gitlab.rb sets, by top-level name: <c>praefect['a']['b'] = v</c> builds the hash
/// under <c>praefect</c>; a call such as <c>git_data_dirs({...})</c> stores its argument.
/// Keys of other services are kept though Praefect does not use them.
/// </summary>
internal sealed class GitlabRbDocument
{
    private readonly Dictionary<string, TopLevelSetting> _settings = new(StringComparer.Ordinal);

    public IEnumerable<TopLevelSetting> Settings => _settings.Values;

    public TopLevelSetting? Find(string name) => _settings.GetValueOrDefault(name);

    /// <summary>The hash behind an attribute name, created on first use.</summary>
    public RbHash Attribute(string name, SourceSpan nameSpan)
    {
        if (_settings.TryGetValue(name, out var existing) && existing.Value is RbHash hash)
        {
            return hash;
        }

        hash = new RbHash(nameSpan);
        _settings[name] = new TopLevelSetting(name, nameSpan, hash);
        return hash;
    }

    public void SetCall(string name, SourceSpan nameSpan, RbValue value) =>
        _settings[name] = new TopLevelSetting(name, nameSpan, value);
}
