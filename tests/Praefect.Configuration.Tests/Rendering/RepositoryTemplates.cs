using Praefect.Configuration.Rendering;

namespace Praefect.Configuration.Tests.Rendering;

/// <summary>The repository's templates/ folder, loaded once.</summary>
internal static class RepositoryTemplates
{
    private static readonly Lazy<TemplateSet> Loaded = new(() =>
    {
        var (templates, diagnostics) = TemplateSet.Load(Directory);
        return templates ?? throw new InvalidOperationException(string.Join("\n", diagnostics));
    });

    public static string RepositoryRoot { get; } = FindRoot();

    public static string Directory => Path.Combine(RepositoryRoot, "templates");

    public static TemplateSet Set => Loaded.Value;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Praefect.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Praefect.sln not found above " + AppContext.BaseDirectory);
    }
}
