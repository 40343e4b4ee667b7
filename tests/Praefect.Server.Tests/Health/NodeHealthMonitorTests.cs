using Praefect.Server.Tests.Metrics;
using Microsoft.Extensions.Logging;
using Praefect.Configuration.Runtime;
using Praefect.Server.Nodes.Health;

namespace Praefect.Server.Tests.Health;

public sealed class NodeHealthMonitorTests
{
    private RecordingLogger<NodeHealthMonitor> _logger = null!;
    private NodeHealthMonitor _monitor = null!;
    private List<NodeHealthSnapshot> _changes = null!;
    private Praefect.Server.Metrics.PraefectMetrics _metrics = null!;

    [SetUp]
    public void SetUp()
    {
        _logger = new RecordingLogger<NodeHealthMonitor>();
        _metrics = TestMetrics.Create();
        _monitor = new NodeHealthMonitor(new FailoverConfig { UnhealthyThreshold = 2, HealthyThreshold = 1 }, _logger, TimeProvider.System, _metrics);
        _changes = [];
        _monitor.Changed += _changes.Add;
    }

    [Test]
    public void IsHealthy_NeverProbed_True()
    {
        Assert.That(_monitor.IsHealthy("vs-never", "git-1"), Is.True);
        Assert.That(_monitor.Get("vs-never", "git-1").LastCheck, Is.Null);
    }

    [Test]
    public void Report_FailuresReachThreshold_LogsTransitionRaisesChangedAndSetsGauge()
    {
        _monitor.Report("vs-a", "git-1", false, "Unavailable: connection refused");
        _monitor.Report("vs-a", "git-1", false, "Unavailable: connection refused");

        Assert.That(_monitor.IsHealthy("vs-a", "git-1"), Is.False);
        var transitions = _logger.Entries.Where(e => e.EventName == "NodeUnhealthy").ToArray();
        Assert.That(transitions, Has.Length.EqualTo(1));
        Assert.That(transitions[0].Level, Is.EqualTo(LogLevel.Warning));
        Assert.That(transitions[0].Message, Is.EqualTo(
            "Node 'git-1' of virtual storage 'vs-a' is unhealthy after 2 failed health checks: Unavailable: connection refused."));
        Assert.That(_changes.Select(c => (c.Storage, c.Healthy)), Is.EqualTo(new[] { ("git-1", false) }));
        Assert.That(_metrics.NodeLastHealthcheckUp.WithLabels("git-1").Value, Is.EqualTo(0));
    }

    [Test]
    public void Report_RecoveryAfterOutage_LogsHealthyAndSetsGaugeToOne()
    {
        _monitor.Report("vs-b", "git-2", false, "DeadlineExceeded");
        _monitor.Report("vs-b", "git-2", false, "DeadlineExceeded");

        _monitor.Report("vs-b", "git-2", true, "");

        Assert.That(_monitor.IsHealthy("vs-b", "git-2"), Is.True);
        Assert.That(_logger.Entries.Where(e => e.EventName == "NodeHealthy").Select(e => e.Message), Is.EqualTo(new[]
        {
            "Node 'git-2' of virtual storage 'vs-b' is healthy again after 1 good health checks.",
        }));
        Assert.That(_metrics.NodeLastHealthcheckUp.WithLabels("git-2").Value, Is.EqualTo(1));
    }

    [Test]
    public void Report_OtherNodeFails_DoesNotAffectThisNode()
    {
        _monitor.Report("vs-c", "git-1", false, "x");
        _monitor.Report("vs-c", "git-1", false, "x");
        _monitor.Report("vs-c", "git-2", true, "");

        Assert.That(_monitor.IsHealthy("vs-c", "git-2"), Is.True);
        Assert.That(_monitor.IsHealthy("vs-c", "git-1"), Is.False);
    }
}
