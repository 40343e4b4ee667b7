using DiffPlex;
using DiffPlex.Model;

namespace Praefect.Configuration.Rendering.Apply;

/// <summary>A unified diff (<c>---</c>/<c>+++</c>, <c>@@</c> hunks, 3 lines of context) whose every printed line goes through a redactor.</summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    public static IReadOnlyList<string> Lines(string path, string? oldText, string newText, Func<string, string> redact)
    {
        var oldLines = SplitLines(oldText ?? "");
        var newLines = SplitLines(newText);
        var diff = Differ.Instance.CreateDiffs(oldText ?? "", newText, ignoreWhiteSpace: false, ignoreCase: false, LineChunker.Instance);
        var output = new List<string>
        {
            oldText is null ? "--- /dev/null" : $"--- a{path}",
            $"+++ b{path}",
        };
        foreach (var hunk in Hunks(diff.DiffBlocks))
        {
            var first = hunk[0];
            var last = hunk[^1];
            var oldStart = Math.Max(0, first.DeleteStartA - Context);
            var newStart = Math.Max(0, first.InsertStartB - Context);
            var oldEnd = Math.Min(oldLines.Length, last.DeleteStartA + last.DeleteCountA + Context);
            var newEnd = Math.Min(newLines.Length, last.InsertStartB + last.InsertCountB + Context);
            output.Add($"@@ -{Range(oldStart, oldEnd - oldStart)} +{Range(newStart, newEnd - newStart)} @@");
            var a = oldStart;
            foreach (var block in hunk)
            {
                for (; a < block.DeleteStartA; a++)
                {
                    output.Add(" " + redact(oldLines[a]));
                }

                for (var i = 0; i < block.DeleteCountA; i++, a++)
                {
                    output.Add("-" + redact(oldLines[a]));
                }

                for (var i = 0; i < block.InsertCountB; i++)
                {
                    output.Add("+" + redact(newLines[block.InsertStartB + i]));
                }
            }

            for (; a < oldEnd; a++)
            {
                output.Add(" " + redact(oldLines[a]));
            }
        }

        return output;
    }

    /// <summary>Groups blocks whose context windows touch into one hunk.</summary>
    private static IEnumerable<List<DiffBlock>> Hunks(IEnumerable<DiffBlock> blocks)
    {
        List<DiffBlock>? current = null;
        foreach (var block in blocks)
        {
            if (current is not null && block.DeleteStartA - (current[^1].DeleteStartA + current[^1].DeleteCountA) > 2 * Context)
            {
                yield return current;
                current = null;
            }

            (current ??= []).Add(block);
        }

        if (current is not null)
        {
            yield return current;
        }
    }

    private static string Range(int start, int count) => count == 0 ? $"{start},0" : $"{start + 1},{count}";

    /// <summary>Splits exactly as the printed lines are numbered, so DiffPlex's indexes match ours.</summary>
    private sealed class LineChunker : IChunker
    {
        public static readonly LineChunker Instance = new();

        public IReadOnlyList<string> Chunk(string text) => SplitLines(text);
    }

    private static string[] SplitLines(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        var lines = text.Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }
}
