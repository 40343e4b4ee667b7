namespace Praefect.Server.Tests.Support;

internal static class AssertExtensions
{
    /// <summary>The exception NUnit's Assert.Throws returned, which is never null once the assertion passed.</summary>
    public static T ThrowIfNull<T>(this T? exception) where T : Exception =>
        exception ?? throw new AssertionException("expected an exception");
}
