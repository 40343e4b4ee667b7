namespace Praefect.Configuration.Tests.Support;

/// <summary>Finds files in the source tree (golden folders are read and, on accept, written there).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Golden(params string[] parts) =>
        Path.Combine([Root, "tests", "Praefect.Configuration.Tests", "GitlabRb", "Golden", .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Praefect.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Praefect.sln not found above {AppContext.BaseDirectory}");
    }
}
