using CsCheck;
using Praefect.Configuration.Diagnostics;
using Praefect.Configuration.GitlabRb;
using Praefect.Configuration.Settings;
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
        .Concat(Directory.GetFiles(RepositoryPaths.Golden("eras"), "gitlab.rb", SearchOption.AllDirectories))
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
        "<<~EOS", "<<-'EOS'", "<<EOS", "EOS\n", "  EOS\n", "configuration", "auth:", "virtual_storage:", "node:", "'a' 'b'",
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
    public void ReadText_SquigglyHeredoc_IsTheBodyWithTheCommonIndentRemoved()
    {
        var line = Gen.String[Gen.Char["abcXYZ019 .,:;-_/'\"()[]{}=>"], 0, 30].Where(l => l.Trim() != "EOS");
        var bodies = Gen.Select(Gen.Int[0, 6], Gen.Int[0, 3].Array[1, 6], line.Array[1, 6])
            .Select((indent, extra, lines) => lines.Take(extra.Length).Select((l, i) => (Indent: indent + extra[i], Text: l)).ToArray());

        bodies.Sample(body =>
        {
            var source = "gitlab_rails['motd'] = <<~'EOS'\n" + string.Concat(body.Select(l => new string(' ', l.Indent) + l.Text + "\n")) + "EOS\npraefect['enable'] = false\n";
            var blank = body.Where(l => l.Text.Trim().Length > 0).Select(l => l.Indent + (l.Text.Length - l.Text.TrimStart().Length)).DefaultIfEmpty(0).Min();
            var expected = string.Concat(body.Select(l =>
            {
                var full = new string(' ', l.Indent) + l.Text;
                return full[Math.Min(blank, full.Length - full.TrimStart(' ').Length)..] + "\n";
            }));

            var result = GitlabRbReader.ReadText(source, "h.rb");

            Assert.That(result.Diagnostics, Is.Empty, source);
            Assert.That(HeredocValue(source), Is.EqualTo(expected), source);
        }, iter: 300, threads: 1);
    }

    [Test]
    public void ReadText_ConfigurationHash_BindsLikeTheFlatKeys()
    {
        var host = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789.-"], 1, 20].Where(h => !h.StartsWith('-'));
        var token = Gen.String[Gen.Char["abcXYZ0189_-+/=!"], 0, 24];
        var generated = Gen.Select(host, Gen.Int[1, 65535], token, Gen.Bool, Gen.Int[1, 3600], Gen.Int[1, 4]);

        generated.Sample((h, port, t, transitioning, seconds, nodes) =>
        {
            var nodeList = Enumerable.Range(1, nodes).Select(n => (Storage: $"g{n}", Address: $"tcp://{h}:{8074 + n}", Token: $"{t}{n}")).ToList();
            var flat = $$"""
                praefect['enable'] = true
                praefect['listen_addr'] = '{{h}}:{{port}}'
                praefect['auth_token'] = '{{t}}'
                praefect['auth_transitioning'] = {{(transitioning ? "true" : "false")}}
                praefect['graceful_stop_timeout'] = {{seconds}}
                praefect['database_host'] = '{{h}}'
                praefect['virtual_storages'] = { 'default' => { {{string.Join(", ", nodeList.Select((n, i) => $"'{n.Storage}' => {{ 'address' => '{n.Address}', 'token' => '{n.Token}'{(i == 0 ? ", 'primary' => true" : "")} }}"))}} } }
                """;
            var nested = $$"""
                praefect['enable'] = true
                praefect['configuration'] = {
                  listen_addr: '{{h}}:{{port}}',
                  auth: { token: '{{t}}', transitioning: {{(transitioning ? "true" : "false")}} },
                  graceful_stop_timeout: '{{seconds}}s',
                  database: { host: '{{h}}' },
                  virtual_storage: [{ name: 'default', node: [{{string.Join(", ", nodeList.Select((n, i) => $"{{ storage: '{n.Storage}', address: '{n.Address}', token: '{n.Token}'{(i == 0 ? ", primary: true" : "")} }}"))}}] }],
                }
                """;

            var fromFlat = GitlabRbReader.ReadText(flat, "flat.rb");
            var fromNested = GitlabRbReader.ReadText(nested, "nested.rb");

            Assert.That(fromNested.Diagnostics.Where(d => d.Severity == Severity.Error), Is.Empty, nested);
            Assert.That(fromFlat.Settings, Is.Not.Null, flat);
            Assert.That(SettingsJson.Write(fromNested.Settings!, redact: false), Is.EqualTo(SettingsJson.Write(fromFlat.Settings!, redact: false)), nested);
        }, iter: 200, threads: 1);
    }

    /// <summary>The text praefect sees for a heredoc: the env file of gitlab_rails is not bound, so read it through praefect['env'].</summary>
    private static string HeredocValue(string source)
    {
        var asEnv = source.Replace("gitlab_rails['motd'] = ", "praefect['env'] = { 'MOTD' => ", StringComparison.Ordinal)
            .Replace("EOS\npraefect['enable']", "EOS\n}\npraefect['enable']", StringComparison.Ordinal);
        var result = GitlabRbReader.ReadText(asEnv, "h.rb");
        return result.Settings?.Env.GetValueOrDefault("MOTD") ?? $"<not read: {DiagnosticFormatter.ToText(result.Diagnostics)}>";
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
