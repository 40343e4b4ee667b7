namespace Praefect.Demo;

/// <summary>A step failed; the message says what, the details carry the command output.</summary>
internal sealed class DemoFailedException(string message, string details = "") : Exception(message)
{
    public string Details { get; } = details;
}
