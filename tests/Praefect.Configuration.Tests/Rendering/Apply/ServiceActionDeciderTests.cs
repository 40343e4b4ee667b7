using Praefect.Configuration.Rendering;
using Praefect.Configuration.Rendering.Apply;

namespace Praefect.Configuration.Tests.Rendering.Apply;

public class ServiceActionDeciderTests
{
    private static PlannedChange Change(ChangeKind kind, EntryRole role, string content = "x", string? old = "y", bool modeOnly = false) =>
        new(kind, "/p", new RenderedEntry(EntryKind.File, role, "/p", UnixFileMode.UserRead, "root", "root", content), old, modeOnly);

    [Test]
    public void Decide_UnitCreated_StartsAfterDaemonReload()
    {
        var decision = ServiceActionDecider.Decide([Change(ChangeKind.Created, EntryRole.SystemdUnit, old: null)], "config.yml");

        Assert.That(decision, Is.EqualTo(new ServiceDecision(ServiceAction.Start, "the service is set up for the first time", DaemonReload: true)));
    }

    [Test]
    public void Decide_UnitChanged_RestartsAfterDaemonReload()
    {
        var decision = ServiceActionDecider.Decide([Change(ChangeKind.Changed, EntryRole.SystemdUnit), Change(ChangeKind.Unchanged, EntryRole.RuntimeConfig)], "config.yml");

        Assert.That(decision, Is.EqualTo(new ServiceDecision(ServiceAction.Restart, "the systemd unit changed", DaemonReload: true)));
        Assert.That(decision.ActionText, Is.EqualTo("daemon-reload and restart"));
    }

    [Test]
    public void Decide_RunScriptChangedWithConfig_Restarts()
    {
        var decision = ServiceActionDecider.Decide([Change(ChangeKind.Changed, EntryRole.RuntimeConfig), Change(ChangeKind.Changed, EntryRole.ServiceDefinition)], "config.yml");

        Assert.That(decision, Is.EqualTo(new ServiceDecision(ServiceAction.Restart, "the run script or its environment changed")));
    }

    [Test]
    public void Decide_OnlyModeChanged_DoesNothing()
    {
        var decision = ServiceActionDecider.Decide([Change(ChangeKind.Changed, EntryRole.ServiceDefinition, modeOnly: true)], "config.yml");

        Assert.That(decision, Is.EqualTo(new ServiceDecision(ServiceAction.None, "nothing changed")));
    }

    [Test]
    public void Decide_OldConfigDoesNotLoad_Restarts()
    {
        var decision = ServiceActionDecider.Decide([Change(ChangeKind.Changed, EntryRole.RuntimeConfig, content: "version: 1\n", old: "version: [\n")], "config.yml");

        Assert.That(decision, Is.EqualTo(new ServiceDecision(ServiceAction.Restart, "the old config.yml does not load")));
    }

    [Test]
    public void Decide_DatabaseAndLevelChanged_RestartNamesOnlyTheFixedKey()
    {
        var decision = ServiceActionDecider.Decide(
            [Change(ChangeKind.Changed, EntryRole.RuntimeConfig, content: "logging:\n  level: \"debug\"\ndatabase:\n  host: \"db\"\n", old: "version: 1\n")],
            "config.yml");

        Assert.That(decision, Is.EqualTo(new ServiceDecision(ServiceAction.Restart, "changed settings need a restart: database.host")));
    }
}
