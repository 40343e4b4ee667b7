using Praefect.Server.Nodes.Health;

namespace Praefect.Server.Tests.Health;

public sealed class NodeHealthTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 19, 0, 0, TimeSpan.Zero);

    [Test]
    public void Record_FewerFailuresThanThreshold_StaysHealthy()
    {
        var tracker = new NodeHealthTracker(unhealthyThreshold: 3, healthyThreshold: 2);

        var transitions = new[] { tracker.Record(false, T0), tracker.Record(false, T0.AddSeconds(1)) };

        Assert.That(transitions, Is.EqualTo(new[] { HealthTransition.None, HealthTransition.None }));
        Assert.That(tracker.IsHealthy, Is.True);
        Assert.That(tracker.LastCheckUp, Is.False);
    }

    [Test]
    public void Record_ThresholdConsecutiveFailures_BecomesUnhealthyOnce()
    {
        var tracker = new NodeHealthTracker(unhealthyThreshold: 3, healthyThreshold: 2);

        var transitions = Enumerable.Range(0, 5).Select(i => tracker.Record(false, T0.AddSeconds(i))).ToArray();

        Assert.That(transitions, Is.EqualTo(new[]
        {
            HealthTransition.None, HealthTransition.None, HealthTransition.BecameUnhealthy, HealthTransition.None, HealthTransition.None,
        }));
        Assert.That(tracker.IsHealthy, Is.False);
        Assert.That(tracker.UnhealthySince, Is.EqualTo(T0.AddSeconds(2)));
    }

    [Test]
    public void Record_SuccessBetweenFailures_ResetsTheCount()
    {
        var tracker = new NodeHealthTracker(unhealthyThreshold: 2, healthyThreshold: 1);

        tracker.Record(false, T0);
        tracker.Record(true, T0.AddSeconds(1));
        var third = tracker.Record(false, T0.AddSeconds(2));

        Assert.That(third, Is.EqualTo(HealthTransition.None));
        Assert.That(tracker.IsHealthy, Is.True);
    }

    [Test]
    public void Record_HealthyThresholdSuccessesAfterOutage_BecomesHealthy()
    {
        var tracker = new NodeHealthTracker(unhealthyThreshold: 1, healthyThreshold: 2);
        tracker.Record(false, T0);

        var first = tracker.Record(true, T0.AddSeconds(1));
        var second = tracker.Record(true, T0.AddSeconds(2));

        Assert.That((first, second), Is.EqualTo((HealthTransition.None, HealthTransition.BecameHealthy)));
        Assert.That(tracker.IsHealthy, Is.True);
        Assert.That(tracker.UnhealthySince, Is.Null);
    }

    [Test]
    public void Record_ZeroThresholds_TreatedAsOne()
    {
        var tracker = new NodeHealthTracker(unhealthyThreshold: 0, healthyThreshold: 0);

        Assert.That(tracker.Record(false, T0), Is.EqualTo(HealthTransition.BecameUnhealthy));
        Assert.That(tracker.Record(true, T0), Is.EqualTo(HealthTransition.BecameHealthy));
    }
}
