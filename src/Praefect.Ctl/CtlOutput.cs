namespace Praefect.Ctl;

/// <summary>Where commands write: injected so tests read the exact lines.</summary>
internal sealed record CtlOutput(TextWriter Out, TextWriter Error);
