namespace Praefect.Demo;

/// <summary>One line of the summary table.</summary>
internal sealed record DemoStep(int Number, string Title, string Proves, bool Succeeded, TimeSpan Duration, string Detail);
