namespace Praefect.Subcommands;

/// <summary>
/// Where commands write (injected so tests read the exact lines) and the program that runs them,
/// <c>praefect</c> or <c>praefect-ctl</c>, which error lines name.
/// </summary>
internal sealed record CommandOutput(TextWriter Out, TextWriter Error, string Program = "praefect-ctl");
