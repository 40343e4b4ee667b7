namespace Praefect.TestSupport;

/// <summary>Thrown from a <see cref="Wait.UntilAsync(Func{Task{bool}}, TimeSpan, string)"/> condition to stop waiting at once (e.g. the process died).</summary>
public sealed class WaitAbortedException(string message) : Exception(message);
