using System.Collections;

namespace Praefect.Configuration.Runtime;

/// <summary>
/// Lists the keys whose values differ between two runtime configs, as YAML key paths
/// (<c>listen_addr</c>, <c>auth.token</c>); a list that differs anywhere is reported once by its key.
/// </summary>
public static class RuntimeConfigComparer
{
    public static IReadOnlyList<string> ChangedKeys(RuntimeConfig before, RuntimeConfig after)
    {
        var changed = new List<string>();
        CompareSection(before, after, typeof(RuntimeConfig), "", changed);
        return changed;
    }

    private static void CompareSection(object before, object after, Type type, string path, List<string> changed)
    {
        foreach (var (key, property) in RuntimeConfigSchema.KeysOf(type))
        {
            var keyPath = path.Length == 0 ? key : path + "." + key;
            var a = property.GetValue(before);
            var b = property.GetValue(after);
            if (RuntimeConfigSchema.IsSection(property.PropertyType))
            {
                CompareSection(a!, b!, property.PropertyType, keyPath, changed);
            }
            else if (!ValuesEqual(a, b))
            {
                changed.Add(keyPath);
            }
        }
    }

    private static bool ValuesEqual(object? a, object? b)
    {
        if (a is IList listA && b is IList listB)
        {
            if (listA.Count != listB.Count)
            {
                return false;
            }

            for (var i = 0; i < listA.Count; i++)
            {
                var itemType = listA[i]!.GetType();
                var differences = new List<string>();
                CompareSection(listA[i]!, listB[i]!, itemType, "", differences);
                if (differences.Count > 0)
                {
                    return false;
                }
            }

            return true;
        }

        return Equals(a, b);
    }
}
