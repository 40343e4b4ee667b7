using Praefect.Configuration.Binding;
using Praefect.Configuration.Diagnostics;
using Praefect.Configuration.GitlabRb.Syntax;
using Praefect.Configuration.Validation;

namespace Praefect.Configuration.GitlabRb;

/// <summary>
/// Reads /etc/gitlab/gitlab.rb: parse (a Ruby-literal subset) -> bind to <see cref="Settings.PraefectSettings"/>
/// -> validate. Never throws on user input; every problem in the file is reported at once.
/// Validation runs only when the file parsed, so a syntax error does not cascade into
/// "no virtual storage" and the like.
/// </summary>
public static class GitlabRbReader
{
    /// <param name="env">Environment for <c>ENV[...]</c>; null reads the process environment.</param>
    public static GitlabRbResult ReadFile(string path, IReadOnlyDictionary<string, string>? env = null)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var diagnostic = new Diagnostic(Severity.Error, path, 1, 1, DiagnosticCodes.FileUnreadable, $"cannot read {path}: {e.Message}", "check that the file exists and is readable, or pass another file with --config");
            return new GitlabRbResult(null, [diagnostic]);
        }

        return ReadBytes(bytes, path, env);
    }

    /// <summary>Reads gitlab.rb as stored: UTF-8 (a BOM is allowed); an invalid byte is an error at its line and column.</summary>
    public static GitlabRbResult ReadBytes(ReadOnlySpan<byte> bytes, string fileName, IReadOnlyDictionary<string, string>? env = null)
    {
        var bom = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var content = bytes[bom..];
        var encodingBag = new DiagnosticBag(fileName);
        Utf8Check.Report(content, encodingBag);
        return Read(System.Text.Encoding.UTF8.GetString(content), fileName, env, encodingBag.Items);
    }

    public static GitlabRbResult ReadText(string text, string fileName, IReadOnlyDictionary<string, string>? env = null) =>
        Read(text, fileName, env, []);

    private static GitlabRbResult Read(string text, string fileName, IReadOnlyDictionary<string, string>? env, IReadOnlyList<Diagnostic> earlier)
    {
        Func<string, string?> lookup = env is null ? Environment.GetEnvironmentVariable : name => env.GetValueOrDefault(name);
        var bag = new DiagnosticBag(fileName);
        foreach (var diagnostic in earlier)
        {
            bag.Add(diagnostic);
        }

        var document = Parser.Parse(text, bag, lookup);
        var parsed = !bag.HasErrors;
        var (settings, map) = PraefectSettingsBinder.Bind(document, bag);
        var bound = !bag.HasErrors;
        if (parsed)
        {
            SettingsValidation.Run(new ValidationContext(settings, map, bag));
        }

        var sorted = bag.Items.Select((d, i) => (d, i)).OrderBy(x => x.d.Line).ThenBy(x => x.d.Column).ThenBy(x => x.i).Select(x => x.d).ToList();
        return new GitlabRbResult(bound ? settings : null, sorted);
    }
}
