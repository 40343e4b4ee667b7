using System.Collections;
using System.Globalization;
using Praefect.Configuration.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Praefect.Configuration.Runtime;

/// <summary>
/// Binds a parsed YAML document to the <see cref="RuntimeConfig"/> types, strictly: unknown keys,
/// wrong scalar types and missing required keys each become one diagnostic at the node's line and
/// column, and binding goes on so that one run reports every problem.
/// </summary>
internal sealed class RuntimeConfigBinder(string fileName)
{
    private readonly List<Diagnostic> _diagnostics = [];

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    public RuntimeConfig? Bind(YamlNode root) =>
        root is YamlMappingNode mapping
            ? (RuntimeConfig)BindSection(mapping, typeof(RuntimeConfig), "")
            : Fail<RuntimeConfig>(root, "runtime-type", "the runtime config must be a mapping of keys to values", "start the file with 'version: 1'");

    private object BindSection(YamlMappingNode node, Type type, string path)
    {
        var section = Activator.CreateInstance(type)!;
        var keys = RuntimeConfigSchema.KeysOf(type);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in node.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                Add(keyNode, "runtime-type", $"{Where(path)}has a key that is not a plain name", "use 'name: value' pairs");
                continue;
            }

            var keyPath = path.Length == 0 ? key : path + "." + key;
            if (!keys.TryGetValue(key, out var property))
            {
                var suggestion = Praefect.Configuration.Diagnostics.DidYouMean.Suggest(key, keys.Keys);
                Add(keyNode, "runtime-unknown-key", $"unknown key '{keyPath}'",
                    suggestion is null
                        ? $"known keys here: {string.Join(", ", keys.Keys)}"
                        : $"did you mean '{suggestion}'?");
                continue;
            }

            seen.Add(key);
            if (BindValue(valueNode, property.PropertyType, keyPath) is { } value)
            {
                property.SetValue(section, value);
            }
        }

        foreach (var required in RuntimeConfigSchema.RequiredKeysOf(type))
        {
            if (!seen.Contains(required))
            {
                Add(node, "runtime-missing-key", $"{Where(path)}is missing the required key '{required}'", $"add '{required}: ...'");
            }
        }

        return section;
    }

    private object? BindValue(YamlNode node, Type type, string path)
    {
        if (RuntimeConfigSchema.IsList(type))
        {
            return node is YamlSequenceNode sequence
                ? BindList(sequence, type, path)
                : Fail<object>(node, "runtime-type", $"'{path}' must be a list", $"write each item on its own line starting with '- ', or '{path.Split('.')[^1]}: []'");
        }

        if (RuntimeConfigSchema.IsSection(type))
        {
            return node is YamlMappingNode mapping
                ? BindSection(mapping, type, path)
                : Fail<object>(node, "runtime-type", $"'{path}' must be a section of keys", "indent its keys under it");
        }

        if (node is not YamlScalarNode scalar)
        {
            return Fail<object>(node, "runtime-type", $"'{path}' must be a single value, not a list or section", null);
        }

        return BindScalar(scalar, type, path);
    }

    private IList BindList(YamlSequenceNode sequence, Type listType, string path)
    {
        var list = (IList)Activator.CreateInstance(listType)!;
        var itemType = listType.GetGenericArguments()[0];
        var index = 0;
        foreach (var item in sequence.Children)
        {
            if (BindValue(item, itemType, $"{path}[{index++}]") is { } value)
            {
                list.Add(value);
            }
        }

        return list;
    }

    private object? BindScalar(YamlScalarNode scalar, Type type, string path)
    {
        var plain = scalar.Style is ScalarStyle.Plain or ScalarStyle.Any;
        var text = scalar.Value ?? "";
        if (type == typeof(string))
        {
            return plain && text is "" or "~" or "null" or "Null" or "NULL"
                ? Fail<object>(scalar, "runtime-type", $"'{path}' must be a string, got null", "write \"\" for an empty value")
                : text;
        }

        if (type == typeof(int))
        {
            return plain && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                ? number
                : Fail<object>(scalar, "runtime-type", $"'{path}' must be an integer, got '{text}'", "write a whole number without quotes");
        }

        if (type == typeof(bool))
        {
            return plain && bool.TryParse(text, out var flag)
                ? flag
                : Fail<object>(scalar, "runtime-type", $"'{path}' must be true or false, got '{text}'", "write true or false without quotes");
        }

        return Fail<object>(scalar, "runtime-type", $"'{path}' has a type this loader cannot read ({type.Name})", null);
    }

    private T? Fail<T>(YamlNode node, string code, string message, string? hint)
        where T : class
    {
        Add(node, code, message, hint);
        return null;
    }

    private void Add(YamlNode node, string code, string message, string? hint) =>
        _diagnostics.Add(new Diagnostic(Severity.Error, fileName, (int)node.Start.Line, (int)node.Start.Column, code, message, hint));

    private static string Where(string path) => path.Length == 0 ? "the runtime config " : $"'{path}' ";
}
