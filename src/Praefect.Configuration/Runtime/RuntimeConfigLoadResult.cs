using Praefect.Configuration.Diagnostics;

namespace Praefect.Configuration.Runtime;

/// <summary>The loaded config (null on any error) and every diagnostic found.</summary>
public sealed record RuntimeConfigLoadResult(RuntimeConfig? Config, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Config is null;

    /// <summary>Every diagnostic, one per line, as <c>file:line:col: error: message</c> plus hint lines.</summary>
    public string ErrorText => string.Join(Environment.NewLine, Diagnostics.Select(d => d.ToString()));

    internal static RuntimeConfigLoadResult Failed(Diagnostic diagnostic) => new(null, [diagnostic]);
}
