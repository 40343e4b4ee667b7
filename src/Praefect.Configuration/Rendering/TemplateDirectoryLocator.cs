namespace Praefect.Configuration.Rendering;

/// <summary>
/// Finds the templates directory: an explicit path, else <c>PRAEFECT_TEMPLATES_DIR</c>, else
/// <c>templates/</c> next to the executable, else the packaged <c>/opt/praefect/templates</c>.
/// </summary>
public static class TemplateDirectoryLocator
{
    public const string EnvironmentVariable = "PRAEFECT_TEMPLATES_DIR";
    public const string PackagedDirectory = "/opt/praefect/templates";

    public static string Locate(string? explicitDirectory)
    {
        if (!string.IsNullOrEmpty(explicitDirectory))
        {
            return explicitDirectory;
        }

        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        var nextToBinary = Path.Combine(AppContext.BaseDirectory, "templates");
        return Directory.Exists(nextToBinary) ? nextToBinary : PackagedDirectory;
    }
}
