namespace Praefect.TestSupport;

/// <summary>The checkout the tests run from: the nearest folder above the test output holding Praefect.sln.</summary>
public static class RepositoryRoot
{
    public static string Find() => Find(new DirectoryInfo(AppContext.BaseDirectory));

    public static string Find(DirectoryInfo start)
    {
        for (var directory = start; directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Praefect.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no Praefect.sln above '{start.FullName}': run the tests from the repository's build output");
    }

    /// <summary>A path inside the checkout, e.g. ("docs", "cli.md").</summary>
    public static string Combine(params string[] parts) => Path.Combine([Find(), .. parts]);
}
