using Praefect.Server.Failover;
using Praefect.TestSupport;

namespace Praefect.Server.Tests.Failover;

public sealed class FailoverCoordinatorTests
{
    private static readonly TimeSpan Bound = Wait.Patient;
    private FailoverFixture _fixture = null!;

    [SetUp]
    public async Task SetUp() => _fixture = await FailoverFixture.CreateAsync();

    [TearDown]
    public async Task TearDown() => await _fixture.DisposeAsync();

    [Test]
    public async Task FailoverAsync_TargetUpToDate_SwitchesRecordsAndRoutes()
    {
        await _fixture.WriteAsync("a.git", 2);
        await _fixture.ReplicateAsync("a.git", "git-2");

        var result = await _fixture.FailoverAsync("git-2");

        Assert.That((result.Outcome, result.PreviousPrimary, result.NewPrimary, result.Lost.Count), Is.EqualTo((FailoverOutcome.Switched, "git-1", "git-2", 0)));
        Assert.That(_fixture.Primary, Is.EqualTo("git-2"));
        Assert.That(await _fixture.Store.GetPrimaryAsync(FailoverFixture.VirtualStorage, CancellationToken.None), Is.EqualTo("git-2"));
        var switches = await _fixture.Store.GetPrimarySwitchesAsync(FailoverFixture.VirtualStorage, CancellationToken.None);
        Assert.That(switches.Select(s => (s.PreviousPrimary, s.NewPrimary, s.Trigger, s.Forced)), Is.EqualTo(new[] { ("git-1", "git-2", "praefect-ctl", false) }));
        Assert.That(_fixture.Logger.Entries.Select(e => e.EventName), Is.EqualTo(new[] { "FailoverStarted", "FailoverSwitched" }));
    }

    [Test]
    public async Task FailoverAsync_AlreadyPrimary_ChangesNothing()
    {
        var result = await _fixture.FailoverAsync("git-1");

        Assert.That(result.Outcome, Is.EqualTo(FailoverOutcome.AlreadyPrimary));
        Assert.That(await _fixture.Store.GetPrimarySwitchesAsync(FailoverFixture.VirtualStorage, CancellationToken.None), Is.Empty);
    }

    [Test]
    public async Task FailoverAsync_TargetUnhealthy_RefusedNamingHealthySecondaries()
    {
        _fixture.Health.SetUnhealthy(FailoverFixture.VirtualStorage, "git-2", DateTimeOffset.UtcNow);

        var result = await _fixture.FailoverAsync("git-2");

        Assert.That(result.Outcome, Is.EqualTo(FailoverOutcome.Refused));
        Assert.That(result.Reason, Is.EqualTo("\"git-2\" is unhealthy; fail over to a healthy secondary (healthy secondaries: \"git-3\")"));
        Assert.That(_fixture.Primary, Is.EqualTo("git-1"));
    }

    [Test]
    public async Task FailoverAsync_UnknownTarget_RefusedListingNodes()
    {
        var result = await _fixture.FailoverAsync("git-9");

        Assert.That(result.Reason, Is.EqualTo("\"git-9\" is not a node of virtual storage \"praefect\"; its nodes are \"git-1\", \"git-2\", \"git-3\""));
    }

    [Test]
    public async Task FailoverAsync_PrimaryDownWithBacklog_RefusedWithExactList()
    {
        await _fixture.WriteAsync("a.git", 3);
        await _fixture.WriteAsync("b.git", 1);
        await _fixture.ReplicateAsync("b.git", "git-2");
        await _fixture.WriteAsync("c.git", 2);
        _fixture.Health.SetUnhealthy(FailoverFixture.VirtualStorage, "git-1", DateTimeOffset.UtcNow);

        var result = await _fixture.FailoverAsync("git-2");

        Assert.That(result.Outcome, Is.EqualTo(FailoverOutcome.Refused));
        Assert.That(result.Lost.Select(l => (l.RelativePath, l.LatestGeneration, l.TargetGeneration)), Is.EqualTo(new[] { ("a.git", 3L, 0L), ("c.git", 2L, 0L) }));
        Assert.That(result.Reason, Is.EqualTo(
            "\"git-2\" is behind on 2 repositories and cannot catch up because the primary \"git-1\" is unhealthy; writes would be lost. " +
            "Run again with --force to fail over anyway (those repositories then reject writes until 'praefect-ctl accept-dataloss'), or wait for replication"));
        Assert.That(_fixture.Primary, Is.EqualTo("git-1"));
        Assert.That(_fixture.Gates.For(FailoverFixture.VirtualStorage).IsClosed, Is.False);
    }

    [Test]
    public async Task FailoverAsync_PrimaryHealthyButTargetNeverCatchesUp_RefusedAfterTimeout()
    {
        await _fixture.WriteAsync("a.git");

        var result = await _fixture.FailoverAsync("git-2", timeoutSeconds: 0.3);

        Assert.That(result.Outcome, Is.EqualTo(FailoverOutcome.Refused));
        Assert.That(result.Reason, Does.StartWith("\"git-2\" is behind on 1 repositories and did not catch up before the timeout; writes would be lost."));
        Assert.That(result.Duration, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(0.3)));
    }

    [Test]
    public async Task FailoverAsync_Forced_MarksLostRepositoriesAndRejectsOnlyTheirWrites()
    {
        await _fixture.WriteAsync("lost.git", 2);
        await _fixture.WriteAsync("kept.git");
        await _fixture.ReplicateAsync("kept.git", "git-3");
        _fixture.Health.SetUnhealthy(FailoverFixture.VirtualStorage, "git-1", DateTimeOffset.UtcNow);

        var result = await _fixture.FailoverAsync("git-3", force: true);

        Assert.That((result.Outcome, result.NewPrimary), Is.EqualTo((FailoverOutcome.Forced, "git-3")));
        Assert.That(result.Lost.Select(l => l.RelativePath), Is.EqualTo(new[] { "lost.git" }));
        using var rejected = await _fixture.Admission.AdmitAsync(FailoverFixture.VirtualStorage, "lost.git", CancellationToken.None);
        Assert.That(rejected.Rejection, Is.EqualTo(
            "repository \"lost.git\" on virtual storage \"praefect\" lost writes in a forced failover and rejects writes until an admin accepts the loss: " +
            "see 'praefect-ctl dataloss --virtual-storage praefect', then run 'praefect-ctl accept-dataloss --virtual-storage praefect --repository lost.git --authoritative-storage <storage>'"));
        using var admitted = await _fixture.Admission.AdmitAsync(FailoverFixture.VirtualStorage, "kept.git", CancellationToken.None);
        Assert.That(admitted.Rejection, Is.Null);
        Assert.That((await _fixture.Store.GetPrimarySwitchesAsync(FailoverFixture.VirtualStorage, CancellationToken.None)).Single().Forced, Is.True);
    }

    [Test]
    public async Task FailoverAsync_WriteInFlight_HoldsNewWritesUntilSwitchedThenRoutesThemToNewPrimary()
    {
        await _fixture.WriteAsync("a.git");
        await _fixture.ReplicateAsync("a.git", "git-2");
        var inFlight = await _fixture.Admission.AdmitAsync(FailoverFixture.VirtualStorage, "a.git", CancellationToken.None);

        var failover = _fixture.FailoverAsync("git-2");
        await Wait.UntilAsync(() => _fixture.Gates.For(FailoverFixture.VirtualStorage).IsClosed, Bound, "the failover to close the mutator gate");
        var held = _fixture.Admission.AdmitAsync(FailoverFixture.VirtualStorage, "a.git", CancellationToken.None).AsTask();
        Assert.That((failover.IsCompleted, held.IsCompleted), Is.EqualTo((false, false)));

        // The in-flight write ends and is replicated; only then may the switch happen.
        await _fixture.WriteAsync("a.git");
        inFlight.Dispose();
        await _fixture.ReplicateAsync("a.git", "git-2");

        var result = await Wait.ForAsync(failover, Bound, "the failover");
        using var admitted = await Wait.ForAsync(held, Bound, "the held write");
        Assert.That(result.Outcome, Is.EqualTo(FailoverOutcome.Switched));
        Assert.That((admitted.Waited, admitted.Rejection, _fixture.Primary), Is.EqualTo((true, (string?)null, "git-2")));
    }

    [Test]
    public async Task FailoverAsync_TwoPraefectsReplaceTheSameDeadPrimary_OnlyOneSwitches()
    {
        await using var other = await FailoverFixture.CreateAsync(Praefect.Datastore.DatastoreFactory.CreateSqlite(
            ((Praefect.Datastore.IDatastore)_fixture.Store).Location));
        foreach (var fixture in new[] { _fixture, other })
        {
            fixture.Health.SetUnhealthy(FailoverFixture.VirtualStorage, "git-1", DateTimeOffset.UtcNow);
        }

        var results = await Task.WhenAll(
            _fixture.FailoverAsync("git-2", force: true, replacedPrimary: "git-1"),
            other.FailoverAsync("git-3", force: true, replacedPrimary: "git-1"));

        Assert.That(results.Count(r => r.Outcome is FailoverOutcome.Switched or FailoverOutcome.Forced), Is.EqualTo(1));
        var switches = await _fixture.Store.GetPrimarySwitchesAsync(FailoverFixture.VirtualStorage, CancellationToken.None);
        Assert.That(switches, Has.Count.EqualTo(1));
        await other.Coordinator.SyncRecordedPrimaryAsync(FailoverFixture.VirtualStorage, CancellationToken.None);
        await _fixture.Coordinator.SyncRecordedPrimaryAsync(FailoverFixture.VirtualStorage, CancellationToken.None);
        Assert.That((_fixture.Primary, other.Primary), Is.EqualTo((switches[0].NewPrimary, switches[0].NewPrimary)));
    }
}
