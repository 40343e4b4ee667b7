using System.Globalization;
using System.Text.RegularExpressions;
using Praefect.Configuration.Diagnostics;
using Praefect.Configuration.GitlabRb.Values;

namespace Praefect.Configuration.Binding;

/// <summary>
/// One value being bound, named for messages (<c>praefect['listen_addr']</c>). Each reader returns
/// the fallback for nil (unset), for a value whose error was already reported, and, after reporting
/// it, for a value of the wrong type.
/// </summary>
internal sealed partial record SettingValue(string Subject, RbValue Value, DiagnosticBag Bag)
{
    public string String(string fallback) => Value switch
    {
        RbString s => s.Value,
        RbSymbol s => s.Name,
        RbNil or RbError => fallback,
        _ => WrongType("a string", $"quote it: '{Literal()}'", fallback),
    };

    public bool Bool(bool fallback) => Value switch
    {
        RbBool b => b.Value,
        RbNil or RbError => fallback,
        RbString { Value: "true" or "false" } s => WrongType("true or false", $"write {s.Value} without quotes", fallback),
        _ => WrongType("true or false", "write true or false", fallback),
    };

    public long Long(long fallback, long min, long max)
    {
        switch (Value)
        {
            case RbInteger i when i.Value >= min && i.Value <= max:
                return i.Value;
            case RbInteger i:
                Bag.Error(Value.Span.Start, DiagnosticCodes.InvalidValue, $"{Subject} is {i.Value}, outside {min}..{max}", $"set a number from {min} to {max}");
                return fallback;
            case RbNil or RbError:
                return fallback;
            case RbString s when long.TryParse(s.Value, NumberStyles.None, CultureInfo.InvariantCulture, out _):
                return WrongType("an integer", $"write {s.Value} without quotes", fallback);
            default:
                return WrongType("an integer", "write a whole number such as 60", fallback);
        }
    }

    public int Int(int fallback, int min = 0, int max = int.MaxValue) => (int)Long(fallback, min, max);

    /// <summary>Seconds: an integer, or a Go-style duration string such as '90s', '1m30s', '2h'.</summary>
    public int Seconds(int fallback, int min = 0)
    {
        if (Value is not RbString s)
        {
            return Int(fallback, min);
        }

        var match = DurationPattern().Match(s.Value);
        if (!match.Success || s.Value.Length == 0)
        {
            Bag.Error(Value.Span.Start, DiagnosticCodes.InvalidValue, $"{Subject} is '{s.Value}', which is not a duration", "write seconds as a number (60) or a duration such as '90s', '1m30s' or '2h'");
            return fallback;
        }

        long total = 0;
        foreach (var (group, factor) in new[] { ("h", 3600L), ("m", 60L), ("s", 1L) })
        {
            if (match.Groups[group].Success)
            {
                total += long.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) * factor;
            }
        }

        if (total < min)
        {
            Bag.Error(Value.Span.Start, DiagnosticCodes.InvalidValue, $"{Subject} is {s.Value}, less than {min} s", $"set at least {min}s");
            return fallback;
        }

        return (int)Math.Min(total, int.MaxValue);
    }

    /// <summary>A hash of names to scalar values, as for <c>praefect['env']</c>.</summary>
    public IReadOnlyDictionary<string, string> StringMap(IReadOnlyDictionary<string, string> fallback)
    {
        if (Value is RbNil or RbError)
        {
            return fallback;
        }

        if (Value is not RbHash hash)
        {
            return WrongType("a hash", $"write {Subject} = {{ 'NAME' => 'value' }}", fallback);
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in hash.Entries)
        {
            var text = entry.Value switch
            {
                RbString s => s.Value,
                RbSymbol s => s.Name,
                RbInteger i => i.Value.ToString(CultureInfo.InvariantCulture),
                RbFloat f => f.Value.ToString("R", CultureInfo.InvariantCulture),
                RbBool b => b.Value ? "true" : "false",
                _ => null,
            };
            if (entry.Name is null || (text is null && entry.Value is not RbError))
            {
                Bag.Error(entry.Value.Span.Start, DiagnosticCodes.WrongType, $"{Subject} must map names to text, not {(entry.Name is null ? entry.Key.TypeName : entry.Value.TypeName)}", "write 'NAME' => 'value'");
                continue;
            }

            if (text is not null)
            {
                map[entry.Name] = text;
            }
        }

        return map;
    }

    private T WrongType<T>(string expected, string hint, T fallback)
    {
        Bag.Error(Value.Span.Start, DiagnosticCodes.WrongType, $"{Subject} must be {expected}, not {Value.TypeName}", hint);
        return fallback;
    }

    private string Literal() => Value switch
    {
        RbInteger i => i.Value.ToString(CultureInfo.InvariantCulture),
        RbFloat f => f.Value.ToString("R", CultureInfo.InvariantCulture),
        RbBool b => b.Value ? "true" : "false",
        _ => "value",
    };

    [GeneratedRegex(@"^(?:(?<h>\d{1,6})h)?(?:(?<m>\d{1,6})m)?(?:(?<s>\d{1,9})s)?$")]
    private static partial Regex DurationPattern();
}
