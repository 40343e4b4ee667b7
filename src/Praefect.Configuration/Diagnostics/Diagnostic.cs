namespace Praefect.Configuration.Diagnostics;

/// <summary>
/// One finding about a configuration file: where (file:line:col, 1-based), what, and how to fix it.
/// Printed as <c>gitlab.rb:12:5: error: message</c> followed by an indented hint line.
/// </summary>
public sealed record Diagnostic(Severity Severity, string File, int Line, int Column, string Code, string Message, string? Hint = null)
{
    public override string ToString()
    {
        var severity = Severity == Severity.Error ? "error" : "warning";
        var text = $"{File}:{Line}:{Column}: {severity}: {Message}";
        return Hint is null ? text : text + Environment.NewLine + "  hint: " + Hint;
    }
}
