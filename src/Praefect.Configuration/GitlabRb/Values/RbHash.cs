using Praefect.Configuration.GitlabRb.Syntax;

namespace Praefect.Configuration.GitlabRb.Values;

/// <summary>
/// A hash in written order. Keeps duplicate keys of a literal (the binder reports them where they
/// matter); lookups see the last one, as Ruby does. String and symbol keys are the same key, as in
/// Omnibus' attribute mash.
/// </summary>
internal sealed record RbHash(SourceSpan Span) : RbValue(Span)
{
    private readonly List<RbHashEntry> _entries = [];

    public override string TypeName => "a hash";

    public IReadOnlyList<RbHashEntry> Entries => _entries;

    public static string? KeyName(RbValue key) => key switch
    {
        RbString s => s.Value,
        RbSymbol s => s.Name,
        _ => null,
    };

    public void Add(RbValue key, RbValue value) => _entries.Add(new RbHashEntry(key, KeyName(key), value));

    public RbHashEntry? Find(string name) => _entries.FindLast(e => e.Name == name);

    public RbValue? this[string name] => Find(name)?.Value;

    /// <summary>Assignment (<c>h['k'] = v</c>): replaces the key in place, or appends it.</summary>
    public void Set(RbValue key, RbValue value)
    {
        var name = KeyName(key);
        var index = name is null ? -1 : _entries.FindLastIndex(e => e.Name == name);
        if (index >= 0)
        {
            _entries[index] = new RbHashEntry(_entries[index].Key, name, value);
        }
        else
        {
            _entries.Add(new RbHashEntry(key, name, value));
        }
    }
}
