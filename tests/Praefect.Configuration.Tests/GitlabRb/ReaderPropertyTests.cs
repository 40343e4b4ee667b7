using CsCheck;
using Praefect.Configuration.Diagnostics;
using Praefect.Configuration.GitlabRb;
using Praefect.Configuration.Tests.Support;

namespace Praefect.Configuration.Tests.GitlabRb;

/// <summary>
/// Random damage to valid gitlab.rb files (edits, truncations, token soup): reading never throws,
/// always finishes within a bounded time, and every diagnostic points inside the text.
/// </summary>
public sealed class ReaderPropertyTests
{
    private static readonly TimeSpan ReadLimit = TimeSpan.FromSeconds(10);

    private static readonly string[] ValidFiles = Directory.GetFiles(RepositoryPaths.Golden("valid"), "*.rb")
        .Where(f => !f.EndsWith("large-realistic.rb", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .Select(File.ReadAllText)
        .ToArray();

    private const string Interesting = "[]{}()'\",:=>#\n\\ %w|*+-._$@aZ09\t;";

    private static readonly string[] Vocabulary =
    [
        "praefect", "gitlab_rails", "git_data_dirs", "roles", "external_url", "['", "']", "[", "]", "{", "}", "(", ")",
        "=", "=>", ",", "'a'", "\"b#{ENV['X']}\"", "\"#{", "1", "2.5", "1_000", ":sym", "k:", "ENV", ".fetch", "\n", "# c",
        "%w(", "%w[a b]", "...", "||", "*", "**", "-", "/", "nil", "true", "false", "Foo", "::", "<<", ";", "=begin\n", "\\\n",
    ];

    [Test]
    public void ReadText_RandomEdits_NeverThrowsAndPointsInsideTheText()
    {
        var edits = Gen.Select(Gen.Int[0, ValidFiles.Length - 1], Gen.Int[0, 4], Gen.Int[0, int.MaxValue], Gen.Int[0, 40], Gen.String[Interesting])
            .Select((file, op, position, length, text) => Edit(ValidFiles[file], op, position, length, text));

        edits.Sample(AssertReadsSafely, iter: 600, threads: 1);
    }

    [Test]
    public void ReadText_Truncations_NeverThrowAndPointInsideTheText()
    {
        var truncations = Gen.Select(Gen.Int[0, ValidFiles.Length - 1], Gen.Int[0, int.MaxValue])
            .Select((file, cut) => ValidFiles[file][..(cut % (ValidFiles[file].Length + 1))]);

        truncations.Sample(AssertReadsSafely, iter: 400, threads: 1);
    }

    [Test]
    public void ReadText_TokenSoup_NeverThrowsAndPointsInsideTheText()
    {
        var soup = Gen.Int[0, Vocabulary.Length - 1].Array[0, 60]
            .Select(words => string.Join(" ", words.Select(w => Vocabulary[w])));

        soup.Sample(AssertReadsSafely, iter: 600, threads: 1);
    }

    [Test]
    public void ReadText_DeepNesting_ReportsOnceWithoutStackOverflow()
    {
        var text = "gitlab_rails['x'] = " + new string('[', 100_000) + new string(']', 100_000) + "\n" + "\"#{ENV[" + string.Concat(Enumerable.Repeat("\"#{ENV[", 200)) + "\n";

        var result = ReadWithinLimit(text);

        Assert.That(result.Diagnostics.Count(d => d.Code == DiagnosticCodes.NestingTooDeep), Is.EqualTo(1));
        AssertInside(text, result);
    }

    private static void AssertReadsSafely(string text)
    {
        var result = ReadWithinLimit(text);
        AssertInside(text, result);
    }

    private static GitlabRbResult ReadWithinLimit(string text)
    {
        var read = Task.Run(() => GitlabRbReader.ReadText(text, "m.rb", GoldenFileTests.Environment));
        if (!read.Wait(ReadLimit))
        {
            Assert.Fail($"reading did not finish within {ReadLimit.TotalSeconds} s:\n{text}");
        }

        return read.Result;
    }

    private static void AssertInside(string text, GitlabRbResult result)
    {
        var lines = text.Split('\n');
        foreach (var d in result.Diagnostics)
        {
            var inside = d.Line >= 1 && d.Line <= lines.Length && d.Column >= 1 && d.Column <= lines[d.Line - 1].Length + 1;
            Assert.That(inside, Is.True, $"{d.Line}:{d.Column} is outside the text ({d.Message}):\n{text}");
        }
    }

    private static string Edit(string text, int op, int position, int length, string insert)
    {
        var at = position % (text.Length + 1);
        var count = Math.Min(length, text.Length - at);
        return op switch
        {
            0 => text.Remove(at, count),
            1 => text.Insert(at, insert),
            2 => text.Remove(at, count).Insert(at, insert),
            3 => text.Insert(at, text.Substring(at, count)),
            _ => text.Insert(at, Vocabulary[position % Vocabulary.Length]),
        };
    }
}
