namespace Praefect.Configuration.Diagnostics;

/// <summary>
/// Suggests the closest known name for a misspelt one (edit distance with transpositions), but only
/// a misspelling of the same words: <c>databse_host</c> gets <c>database_host</c>, while
/// <c>postgres_queue_enabled</c> never gets <c>memory_queue_enabled</c> and <c>env_directory</c> never
/// gets <c>log_directory</c> (a different word is a different setting; no hint beats a wrong one).
/// </summary>
internal static class DidYouMean
{
    private static readonly HashSet<(string, string)> Opposites =
    [
        ("enable", "disable"), ("enabled", "disabled"), ("min", "max"), ("read", "write"), ("on", "off"),
        ("primary", "secondary"), ("allow", "deny"), ("start", "stop"), ("in", "out"), ("true", "false"),
    ];

    public static string? Suggest(string name, IEnumerable<string> candidates)
    {
        var limit = Math.Max(1, name.Length / 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates.Order(StringComparer.Ordinal))
        {
            var distance = Distance(name, candidate);
            if (distance <= limit && distance < bestDistance && SameWords(name, candidate))
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return best;
    }

    /// <summary>True when every '_'-separated word of one is a misspelling or an abbreviation (addr, address) of the same word of the other.</summary>
    public static bool SameWords(string name, string candidate)
    {
        var a = name.ToLowerInvariant().Split('_');
        var b = candidate.ToLowerInvariant().Split('_');
        if (a.Length != b.Length)
        {
            // A missing or extra '_' ('listenaddr'), nothing more.
            return Distance(name.Replace("_", "", StringComparison.Ordinal), candidate.Replace("_", "", StringComparison.Ordinal)) <= 1;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] == b[i] || (Math.Min(a[i].Length, b[i].Length) >= 3 && (a[i].StartsWith(b[i], StringComparison.Ordinal) || b[i].StartsWith(a[i], StringComparison.Ordinal))))
            {
                continue;
            }

            if (Opposites.Contains((a[i], b[i])) || Opposites.Contains((b[i], a[i]))
                || Distance(a[i], b[i]) > Math.Max(1, Math.Max(a[i].Length, b[i].Length) / 3))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Optimal string alignment distance: insert, delete, replace, swap neighbours.</summary>
    public static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 8)
        {
            return Math.Abs(a.Length - b.Length);
        }

        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
