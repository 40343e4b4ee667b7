namespace Praefect.Configuration.Diagnostics;

/// <summary>How serious a configuration finding is: an error makes the configuration invalid, a warning is only reported.</summary>
public enum Severity
{
    Warning,
    Error,
}
