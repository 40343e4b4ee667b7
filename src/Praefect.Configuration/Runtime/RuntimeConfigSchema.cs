using System.Collections.Concurrent;
using System.Reflection;
using YamlDotNet.Serialization.NamingConventions;

namespace Praefect.Configuration.Runtime;

/// <summary>
/// The shape of config.yml, read from the <see cref="RuntimeConfig"/> types: the YAML key of every
/// settable property (snake_case, as YamlDotNet's underscored convention names it) and the keys
/// that must be present. Top-level keys are optional (a hand-written or test config may hold only
/// what it needs; <c>version</c> defaults to the current one); a virtual storage needs its name
/// and nodes, a node its storage and address.
/// </summary>
internal static class RuntimeConfigSchema
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, PropertyInfo>> Keys = new();

    private static readonly Dictionary<Type, string[]> Required = new()
    {
        [typeof(VirtualStorageConfig)] = ["name", "nodes"],
        [typeof(NodeConfig)] = ["storage", "address"],
    };

    public static IReadOnlyDictionary<string, PropertyInfo> KeysOf(Type type) =>
        Keys.GetOrAdd(type, static t => t
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .ToDictionary(p => UnderscoredNamingConvention.Instance.Apply(p.Name), StringComparer.Ordinal));

    public static IReadOnlyList<string> RequiredKeysOf(Type type) =>
        Required.TryGetValue(type, out var keys) ? keys : [];

    public static bool IsSection(Type type) => type.IsClass && type != typeof(string) && !IsList(type);

    public static bool IsList(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>);
}
