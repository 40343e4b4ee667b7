namespace Praefect.Ctl.Commands.ReplicationStatus;

/// <summary>Writes rows as left-aligned columns separated by two spaces (the first row is the header).</summary>
internal static class TextTable
{
    public static void Write(TextWriter writer, IReadOnlyList<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            writer.WriteLine(string.Join("  ", row.Select((cell, c) => c == row.Length - 1 ? cell : cell.PadRight(widths[c]))));
        }
    }
}
