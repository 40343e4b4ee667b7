using Praefect.Configuration.Diagnostics;
using Praefect.Configuration.Settings;

namespace Praefect.Configuration.GitlabRb;

/// <summary>
/// What reading a gitlab.rb produced. <see cref="Settings"/> is null when the file could not be
/// read, parsed or bound; it is set (and <see cref="HasErrors"/> true) when only validation failed.
/// Diagnostics are sorted by position.
/// </summary>
public sealed record GitlabRbResult(PraefectSettings? Settings, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);

    /// <summary>True when the file itself could not be read (missing, permissions): a usage problem, not a config one.</summary>
    public bool FileUnreadable => Diagnostics.Any(d => d.Code == DiagnosticCodes.FileUnreadable);
}
