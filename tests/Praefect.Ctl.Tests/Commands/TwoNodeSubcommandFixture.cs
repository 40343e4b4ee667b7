using Praefect.TestSupport;

namespace Praefect.Ctl.Tests.Commands;

/// <summary>
/// Two gitaly-lite nodes (git-1, git-2) started once per fixture and a temp directory per test, for the tests of the
/// Go subcommands (configs and runs through <see cref="TwoNodeSubcommands"/>).
/// </summary>
public abstract class TwoNodeSubcommandFixture
{
    protected GitalyLiteNode one = null!;
    protected GitalyLiteNode two = null!;
    protected TempDirectory directory = null!;

    [OneTimeSetUp]
    public async Task StartNodesAsync()
    {
        one = await GitalyLiteNode.StartAsync("git-1", "node-1-secret");
        two = await GitalyLiteNode.StartAsync("git-2", "node-2-secret");
    }

    [OneTimeTearDown]
    public async Task StopNodesAsync()
    {
        await one.DisposeAsync();
        await two.DisposeAsync();
    }

    [SetUp]
    public void CreateDirectory() => directory = new TempDirectory(GetType().Name);

    [TearDown]
    public void RemoveDirectory() => directory.Dispose();
}
