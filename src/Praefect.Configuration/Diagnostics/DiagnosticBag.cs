using Praefect.Configuration.GitlabRb.Syntax;

namespace Praefect.Configuration.Diagnostics;

/// <summary>Collects diagnostics for one file; every stage adds to it and nothing stops at the first error.</summary>
internal sealed class DiagnosticBag(string fileName)
{
    private readonly List<Diagnostic> _items = [];

    public string FileName { get; } = fileName;

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    public int ErrorCount => _items.Count(d => d.Severity == Severity.Error);

    public void Error(TextPosition at, string code, string message, string? hint = null) =>
        _items.Add(new Diagnostic(Severity.Error, FileName, at.Line, at.Column, code, message, hint));

    public void Warning(TextPosition at, string code, string message, string? hint = null) =>
        _items.Add(new Diagnostic(Severity.Warning, FileName, at.Line, at.Column, code, message, hint));

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);
}
