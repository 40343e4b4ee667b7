using Praefect.TestSupport;

namespace Praefect.Server.Tests.Registry;

internal static class Testing
{
    /// <summary>Waits until praefect logged that it learned <paramref name="nodes"/> nodes' declarations including RemoveRepository.</summary>
    public static Task WaitForLearnedAsync(PraefectProcess praefect, int nodes) =>
        Wait.UntilAsync(() => praefect.LinesContaining("beyond the compiled registry: ").Count(l => l.Contains("/gitaly.RepositoryService/RemoveRepository", StringComparison.Ordinal)) >= nodes,
            TimeSpan.FromSeconds(30), $"praefect to learn RemoveRepository from {nodes} nodes");
}
