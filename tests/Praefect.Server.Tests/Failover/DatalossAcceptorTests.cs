using Grpc.Core;
using Praefect.Datastore;
using Praefect.Protocol.Admin;
using Praefect.Server.Admin;
using Praefect.Server.Tests.Health;

namespace Praefect.Server.Tests.Failover;

public sealed class DatalossAcceptorTests
{
    private FailoverFixture _fixture = null!;
    private DatalossAcceptor _acceptor = null!;

    [SetUp]
    public async Task SetUp()
    {
        _fixture = await FailoverFixture.CreateAsync();
        _acceptor = new DatalossAcceptor(_fixture.Nodes, _fixture.Store, _fixture.Guard, new RecordingLogger<DatalossAcceptor>());
        await _fixture.WriteAsync("lost.git", 2);
        _fixture.Health.SetUnhealthy(FailoverFixture.VirtualStorage, "git-1", DateTimeOffset.UtcNow);
        await _fixture.FailoverAsync("git-2", force: true);
    }

    [TearDown]
    public async Task TearDown() => await _fixture.DisposeAsync();

    private static AcceptDatalossRequest Request(string storage, string path = "lost.git") =>
        new() { VirtualStorage = FailoverFixture.VirtualStorage, RelativePath = path, AuthoritativeStorage = storage };

    [Test]
    public async Task AcceptAsync_PrimaryAuthoritative_WritesResumeAtOnceAndOthersAreReplicated()
    {
        var response = await _acceptor.AcceptAsync(Request("git-2"), CancellationToken.None);

        Assert.That((response.Generation, string.Join(",", response.ReplicationTargets)), Is.EqualTo((3L, "git-1,git-3")));
        using var ticket = await _fixture.Admission.AdmitAsync(FailoverFixture.VirtualStorage, "lost.git", CancellationToken.None);
        Assert.That(ticket.Rejection, Is.Null);
        var jobs = await _fixture.Store.GetJobsAsync(JobState.Ready, 10, CancellationToken.None);
        Assert.That(jobs.Select(j => (j.SourceStorage, j.TargetStorage, j.ChangeType)).Order(), Is.EqualTo(new[]
        {
            ("git-2", "git-1", "accept-dataloss"), ("git-2", "git-3", "accept-dataloss"),
        }));
    }

    [Test]
    public async Task AcceptAsync_SecondaryAuthoritative_RejectedUntilPrimaryHoldsTheCopy()
    {
        await _acceptor.AcceptAsync(Request("git-3"), CancellationToken.None);

        using (var ticket = await _fixture.Admission.AdmitAsync(FailoverFixture.VirtualStorage, "lost.git", CancellationToken.None))
        {
            Assert.That(ticket.Rejection, Is.EqualTo(
                "repository \"lost.git\" on virtual storage \"praefect\" is being replicated from \"git-3\" after accept-dataloss; writes resume when its primary holds that copy, retry shortly"));
        }

        var job = await _fixture.Store.DequeueAsync(FailoverFixture.VirtualStorage, "git-2", "worker", TimeSpan.FromMinutes(1), CancellationToken.None);
        await _fixture.Store.CompleteAsync(job!, "worker", 3, CancellationToken.None);
        await _fixture.Guard.RefreshAsync(FailoverFixture.VirtualStorage, "git-2", CancellationToken.None);

        using var admitted = await _fixture.Admission.AdmitAsync(FailoverFixture.VirtualStorage, "lost.git", CancellationToken.None);
        Assert.That(admitted.Rejection, Is.Null);
    }

    [Test]
    public void AcceptAsync_UnknownRepository_NotFoundWithHint()
    {
        var error = Assert.ThrowsAsync<RpcException>(() => _acceptor.AcceptAsync(Request("git-2", "none.git"), CancellationToken.None));

        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.NotFound));
        Assert.That(error.Status.Detail, Is.EqualTo(
            "no write was ever recorded for repository \"none.git\" on virtual storage \"praefect\"; check the path with 'praefect-ctl dataloss --virtual-storage praefect'"));
    }

    [Test]
    public void AcceptAsync_StorageNotInVirtualStorage_InvalidArgument()
    {
        var error = Assert.ThrowsAsync<RpcException>(() => _acceptor.AcceptAsync(Request("git-9"), CancellationToken.None));

        Assert.That(error!.Status.Detail, Is.EqualTo("--authoritative-storage \"git-9\" is not a node of virtual storage \"praefect\"; its nodes are \"git-1\", \"git-2\", \"git-3\""));
    }
}
