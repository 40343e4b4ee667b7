namespace Praefect.Subcommands.Common;

/// <summary>The Go Praefect's bordered table (tablewriter's defaults): an upper-case centred header between rules.</summary>
internal static class BorderedTable
{
    public static void Write(TextWriter output, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var widths = header.Select((title, column) => Math.Max(title.Length, rows.Count == 0 ? 0 : rows.Max(row => row[column].Length))).ToArray();
        var rule = "+" + string.Join("+", widths.Select(w => new string('-', w + 2))) + "+";
        output.WriteLine(rule);
        output.WriteLine("|" + string.Join("|", header.Select((title, column) => " " + Centre(title.ToUpperInvariant(), widths[column]) + " ")) + "|");
        output.WriteLine(rule);
        foreach (var row in rows)
        {
            output.WriteLine("|" + string.Join("|", row.Select((cell, column) => " " + cell.PadRight(widths[column]) + " ")) + "|");
        }

        output.WriteLine(rule);
    }

    private static string Centre(string text, int width)
    {
        var left = (width - text.Length) / 2;
        return new string(' ', left) + text + new string(' ', width - text.Length - left);
    }
}
