using Praefect.Server.Tests.Metrics;
using Praefect.Datastore.Failover;
using Praefect.Server.Failover;
using Praefect.Server.Nodes;
using Praefect.Server.Tests.Health;

namespace Praefect.Server.Tests.Failover;

public sealed class FailoverStateSyncTests
{
    [Test]
    public async Task StartAsync_RecordedPrimaryDiffersFromConfig_RecordedPrimaryWins()
    {
        await using var fixture = await FailoverFixture.CreateAsync();
        await fixture.Store.SwitchPrimaryAsync(new PrimarySwitch(FailoverFixture.VirtualStorage, "git-1", "git-3", "praefect-ctl", false, "test", []), CancellationToken.None);
        using var restarted = new NodeManager(FailoverFixture.Config());
        var logger = new RecordingLogger<FailoverStateSync>();
        var coordinator = new FailoverCoordinator(restarted, restarted, fixture.Health, fixture.Store, fixture.Gates, fixture.Guard, fixture.Logger, TimeProvider.System, TestMetrics.Create());
        using var sync = new FailoverStateSync(restarted, fixture.Store, coordinator, fixture.Guard, logger, TimeProvider.System);

        await sync.StartAsync(CancellationToken.None);
        await sync.StopAsync(CancellationToken.None);

        Assert.That(restarted.Current.VirtualStorages[0].Primary.Storage, Is.EqualTo("git-3"));
        Assert.That(logger.Entries.Select(e => e.Message), Is.EqualTo(new[]
        {
            "Virtual storage 'praefect': the primary recorded in the datastore is 'git-3' (the config says 'git-1'); routing to 'git-3'.",
        }));
    }

    [Test]
    public async Task Apply_ReloadAfterFailover_KeepsRecordedPrimary()
    {
        using var nodes = new NodeManager(FailoverFixture.Config());
        nodes.SetPrimary(FailoverFixture.VirtualStorage, "git-2");

        nodes.Apply(FailoverFixture.Config());

        Assert.That(nodes.Current.VirtualStorages[0].Primary.Storage, Is.EqualTo("git-2"));
        Assert.That(nodes.Current.VirtualStorages[0].Secondaries.Select(n => n.Storage), Is.EqualTo(new[] { "git-1", "git-3" }));
    }
}
