namespace Praefect.Configuration.Rendering;

/// <summary>One <c>praefect['env']</c> entry as templates see it.</summary>
public sealed record EnvVariable(string Name, string Value);
