namespace Praefect.Configuration.Tests.Support;

/// <summary>Finds files in the source tree (golden folders are read and, on accept, written there).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = Praefect.TestSupport.RepositoryRoot.Find();

    public static string Golden(params string[] parts) =>
        Path.Combine([Root, "tests", "Praefect.Configuration.Tests", "GitlabRb", "Golden", .. parts]);
}
