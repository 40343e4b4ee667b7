using System.Globalization;

namespace Praefect.Protocol.Registry;

/// <summary>
/// The location of a field inside a message as protobuf field numbers, outermost first:
/// "1" is field 1 of the request, "1.1" is field 1 of the message in field 1.
/// This is the OID-style format of Gitaly's <c>target_repository_field</c>.
/// </summary>
public sealed record FieldPath
{
    public FieldPath(IReadOnlyList<int> numbers)
    {
        if (numbers.Count == 0 || numbers.Any(n => n <= 0))
        {
            throw new ArgumentException("a field path needs at least one positive field number", nameof(numbers));
        }

        Numbers = numbers.ToArray();
    }

    public IReadOnlyList<int> Numbers { get; }

    /// <summary>Parses "1" or "1.1"; throws <see cref="FormatException"/> naming the text when it is not such a path.</summary>
    public static FieldPath Parse(string text)
    {
        var parts = text.Split('.');
        var numbers = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]) || numbers[i] <= 0)
            {
                throw new FormatException($"'{text}' is not a field path like \"1\" or \"1.1\"");
            }
        }

        return new FieldPath(numbers);
    }

    public override string ToString() => string.Join('.', Numbers);

    public bool Equals(FieldPath? other) => other is not null && Numbers.SequenceEqual(other.Numbers);

    public override int GetHashCode() => Numbers.Aggregate(17, (hash, n) => (hash * 31) + n);
}
