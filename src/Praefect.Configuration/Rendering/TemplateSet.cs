using Praefect.Configuration.Diagnostics;
using Scriban;
using Scriban.Parsing;

namespace Praefect.Configuration.Rendering;

/// <summary>
/// Every template of <see cref="TemplateNames.All"/>, parsed from one directory. Loading reports
/// a missing or unreadable template and every Scriban syntax error as a diagnostic with the
/// template's file:line:col.
/// </summary>
public sealed class TemplateSet
{
    private readonly IReadOnlyDictionary<string, Template> _templates;

    private TemplateSet(string directory, IReadOnlyDictionary<string, Template> templates)
    {
        Directory = directory;
        _templates = templates;
    }

    public string Directory { get; }

    public Template this[string name] => _templates[name];

    public static (TemplateSet? Templates, IReadOnlyList<Diagnostic> Diagnostics) Load(string directory)
    {
        var diagnostics = new List<Diagnostic>();
        var templates = new Dictionary<string, Template>(StringComparer.Ordinal);
        foreach (var name in TemplateNames.All)
        {
            var path = Path.Combine(directory, name);
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Add(new Diagnostic(Severity.Error, path, 1, 1, "template-missing", $"cannot read template '{name}': {e.Message}",
                    "pass --templates DIR or set PRAEFECT_TEMPLATES_DIR to the directory holding the templates"));
                continue;
            }

            var template = Template.Parse(text, path);
            foreach (var message in template.Messages)
            {
                diagnostics.Add(new Diagnostic(
                    message.Type == ParserMessageType.Error ? Severity.Error : Severity.Warning,
                    path, message.Span.Start.Line + 1, message.Span.Start.Column + 1, "template-syntax", message.Message));
            }

            templates[name] = template;
        }

        return diagnostics.Any(d => d.Severity == Severity.Error)
            ? (null, diagnostics)
            : (new TemplateSet(directory, templates), diagnostics);
    }
}
