namespace Praefect.Subcommands.Common;

/// <summary>
/// The Go Praefect's borderless table (tablewriter with tab padding): a header row and rows, each cell
/// padded to its column's width, cells separated by a tab. Scripts split it on whitespace.
/// </summary>
internal static class TabTable
{
    public static void Write(TextWriter output, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = new List<IReadOnlyList<string>> { header };
        all.AddRange(rows);
        var widths = header.Select((_, column) => all.Max(row => row[column].Length)).ToArray();
        foreach (var row in all)
        {
            output.WriteLine(string.Join("\t", row.Select((cell, column) => column == row.Count - 1 ? cell : cell.PadRight(widths[column]))));
        }
    }
}
