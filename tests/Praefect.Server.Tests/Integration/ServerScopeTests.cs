using Gitaly;
using Praefect.TestSupport;

namespace Praefect.Server.Tests.Integration;

/// <summary>ServerInfo answered by praefect; server-scoped mutators fanned out; server-scoped accessors to the primary.</summary>
[TestFixture]
public sealed class ServerScopeTests : ScriptedClusterFixture
{
    [Test]
    public async Task ServerInfo_TwoVirtualStorages_OneStatusPerVirtualStorageFromItsPrimary()
    {
        var client = new ServerService.ServerServiceClient(Channel);

        var reply = await client.ServerInfoAsync(new ServerInfoRequest(), Auth(), Deadline());

        Assert.That(reply.StorageStatuses.Select(s => (s.StorageName, s.Readable, s.Writeable)),
            Is.EqualTo(new[] { ("praefect", true, true), ("broken", false, false) }));
        Assert.That(reply.GitVersion, Is.EqualTo("2.39.5"));
        Assert.That(reply.ServerVersion, Is.EqualTo("0.1.0"));
    }

    [Test]
    public async Task AddNamespace_ServerScopedMutator_EveryNodeGetsItsOwnStorageName()
    {
        var client = new NamespaceService.NamespaceServiceClient(Channel);

        await client.AddNamespaceAsync(new AddNamespaceRequest { StorageName = VirtualStorage, Name = "group-1" }, Auth(), Deadline());

        // The client has the primary's answer; the secondaries' calls may still be on their way.
        await Wait.UntilAsync(() => NodeB.State.Calls.Count + NodeC.State.Calls.Count == 2, Wait.Patient, "both secondaries to get the call");
        Assert.That(NodeA.State.Calls.Select(c => (c.StorageName, c.RelativePath)), Is.EqualTo(new[] { ("node-a", "group-1") }));
        Assert.That(NodeB.State.Calls.Select(c => (c.StorageName, c.RelativePath)), Is.EqualTo(new[] { ("node-b", "group-1") }));
        Assert.That(NodeC.State.Calls.Select(c => (c.StorageName, c.RelativePath)), Is.EqualTo(new[] { ("node-c", "group-1") }));
    }

    [Test]
    public async Task AddNamespace_SecondaryFails_ClientGetsThePrimaryAnswerAndTheFailureIsLogged()
    {
        var client = new NamespaceService.NamespaceServiceClient(Channel);

        await client.AddNamespaceAsync(new AddNamespaceRequest { StorageName = VirtualStorage, Name = "fail-node-b" }, Auth(), Deadline());

        await Wait.UntilAsync(() => Praefect.LinesContaining("secondary \\\"node-b\\\"").Count > 0, Wait.Patient, "the secondary failure to be logged");
        Assert.That(Praefect.LinesContaining("secondary \\\"node-b\\\"").First(), Does.Contain("answered FailedPrecondition: scripted node node-b: namespace refused"));
    }

    [Test]
    public async Task NamespaceExists_ServerScopedAccessor_OnlyThePrimaryWithItsStorageName()
    {
        var client = new NamespaceService.NamespaceServiceClient(Channel);

        var reply = await client.NamespaceExistsAsync(new NamespaceExistsRequest { StorageName = VirtualStorage, Name = "group-2" }, Auth(), Deadline());

        Assert.That(reply.Exists, Is.True);
        Assert.That(NodeA.State.Calls.Select(c => c.StorageName), Is.EqualTo(new[] { "node-a" }));
        Assert.That(NodeB.State.Calls, Is.Empty);
        Assert.That(NodeC.State.Calls, Is.Empty);
    }
}
