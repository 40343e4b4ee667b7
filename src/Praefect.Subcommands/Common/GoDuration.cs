using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Praefect.Subcommands.Common;

/// <summary>
/// Durations as Go's <c>time.ParseDuration</c> writes them, for the Go Praefect's duration flags: a sequence of
/// decimal numbers each with a unit (<c>ns</c>, <c>us</c>, <c>µs</c>, <c>ms</c>, <c>s</c>, <c>m</c>, <c>h</c>), e.g.
/// <c>6h</c>, <c>1h30m</c>, <c>1.5s</c>; <c>0</c> alone is zero. Negative durations are refused.
/// </summary>
internal static class GoDuration
{
    private static readonly (string Unit, double Ticks)[] Units =
    [
        ("ns", 0.01), ("us", 10), ("µs", 10), ("ms", TimeSpan.TicksPerMillisecond), ("s", TimeSpan.TicksPerSecond),
        ("m", TimeSpan.TicksPerMinute), ("h", TimeSpan.TicksPerHour),
    ];

    public static Option<TimeSpan> Option(string name, string description, TimeSpan defaultValue) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
            if (TryParse(text, out var value))
            {
                return value;
            }

            result.AddError($"invalid value \"{text}\" for flag -{name.TrimStart('-')}: not a duration; write it like 6h, 10m, 1h30m or 5s");
            return default;
        },
    };

    public static bool TryParse(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (text == "0")
        {
            return true;
        }

        var rest = text.AsSpan();
        double ticks = 0;
        while (rest.Length > 0)
        {
            var digits = 0;
            while (digits < rest.Length && (char.IsAsciiDigit(rest[digits]) || rest[digits] == '.'))
            {
                digits++;
            }

            if (digits == 0 || !double.TryParse(rest[..digits], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                return false;
            }

            rest = rest[digits..];
            var unit = UnitOf(rest);
            if (unit.Unit is null)
            {
                return false;
            }

            rest = rest[unit.Unit.Length..];
            ticks += amount * unit.Ticks;
        }

        if (text.Length == 0 || ticks > TimeSpan.MaxValue.Ticks)
        {
            return false;
        }

        value = TimeSpan.FromTicks((long)ticks);
        return true;
    }

    /// <summary>The longest unit <paramref name="text"/> starts with (<c>ms</c> before <c>m</c>).</summary>
    private static (string Unit, double Ticks) UnitOf(ReadOnlySpan<char> text)
    {
        (string Unit, double Ticks) found = default;
        foreach (var unit in Units)
        {
            if (text.StartsWith(unit.Unit, StringComparison.Ordinal) && unit.Unit.Length > (found.Unit?.Length ?? 0))
            {
                found = unit;
            }
        }

        return found;
    }
}
