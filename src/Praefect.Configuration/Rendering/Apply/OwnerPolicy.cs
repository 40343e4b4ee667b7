namespace Praefect.Configuration.Rendering.Apply;

/// <summary>
/// Whether owners are applied: only when running as root. Otherwise they are recorded (printed
/// and in the manifest) and the files stay owned by whoever runs reconfigure. When
/// <see cref="Strict"/> is false (a --root other than /), an owner that does not exist on this
/// machine is skipped and noted in <see cref="Skipped"/> instead of failing the write.
/// </summary>
public sealed class OwnerPolicy(bool apply, bool strict)
{
    private readonly Dictionary<string, uint?> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, uint?> _groups = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _skipped = new(StringComparer.Ordinal);

    public bool Apply { get; } = apply;

    public bool Strict { get; } = strict;

    /// <summary>Owners (<c>user:group</c>) not applied because this machine does not know them.</summary>
    public IReadOnlyCollection<string> Skipped => _skipped;

    /// <summary>Sets the owner of <paramref name="path"/> when owners are applied. Throws IOException when the user or group is unknown.</summary>
    public void SetOwner(string path, string user, string group)
    {
        if (!Apply)
        {
            return;
        }

        var userId = Resolve(_users, user, UnixAccounts.UserId);
        var groupId = Resolve(_groups, group, UnixAccounts.GroupId);
        if (!Strict && (userId is null || groupId is null))
        {
            _skipped.Add(user + ":" + group);
            return;
        }

        UnixAccounts.Chown(path,
            userId ?? throw new IOException($"cannot give '{path}' to user '{user}': no such user; create it or set praefect['username']"),
            groupId ?? throw new IOException($"cannot give '{path}' to group '{group}': no such group; create it or set praefect['group']"));
    }

    private static uint? Resolve(Dictionary<string, uint?> cache, string name, Func<string, uint?> lookup)
    {
        if (!cache.TryGetValue(name, out var id))
        {
            id = lookup(name);
            cache[name] = id;
        }

        return id;
    }
}
