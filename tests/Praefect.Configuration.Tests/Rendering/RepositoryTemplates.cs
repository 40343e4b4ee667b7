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

    public static string RepositoryRoot { get; } = Praefect.TestSupport.RepositoryRoot.Find();

    public static string Directory => Path.Combine(RepositoryRoot, "templates");

    public static TemplateSet Set => Loaded.Value;
}
