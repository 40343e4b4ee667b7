using System.Reflection;
using Praefect.Configuration.Runtime;
using Praefect.Datastore;
using Praefect.Server.Metrics;
using Praefect.Server.Nodes;
using Praefect.Server.Routing;
using Praefect.Server.Tests.Failover;
using Praefect.Server.Tests.Health;

namespace Praefect.Server.Tests.Routing;

public sealed class ReadDistributorTests
{
    private NodeManager _nodes = null!;

    [SetUp]
    public void CreateNodes()
    {
        var config = new RuntimeConfig();
        config.VirtualStorages.Add(new VirtualStorageConfig
        {
            Name = "praefect",
            Nodes =
            [
                new NodeConfig { Storage = "git-1", Address = "tcp://127.0.0.1:1", Primary = true },
                new NodeConfig { Storage = "git-2", Address = "tcp://127.0.0.1:2" },
            ],
        });
        _nodes = new NodeManager(config);
    }

    [TearDown]
    public void DisposeNodes() => _nodes.Dispose();

    [Test]
    public async Task ChooseAsync_DatastoreDown_ThePrimaryServesTheReadLoggedAndCounted()
    {
        var metrics = Praefect.Server.Tests.Metrics.TestMetrics.Create();
        var logger = new RecordingLogger<ReadDistributor>();
        var distributor = new ReadDistributor(DownDatastore.Create(), new FakeNodeHealth(), metrics, logger);
        var counter = metrics.ProxyErrors.WithLabels("read_distribution", "praefect");
        var before = counter.Value;
        _nodes.Current.TryGet("praefect", out var virtualStorage);

        var chosen = await distributor.ChooseAsync(virtualStorage, "project.git", CancellationToken.None);

        Assert.That(chosen.Storage, Is.EqualTo("git-1"));
        Assert.That(counter.Value - before, Is.EqualTo(1));
        Assert.That(logger.Entries.Single().EventName, Is.EqualTo("ReadFellBackToPrimary"));
        Assert.That(logger.Entries.Single().Message, Is.EqualTo(
            "Distributed reads could not choose a replica of 'project.git' on virtual storage 'praefect', so the primary 'git-1' serves the read: connection refused (test datastore is down)"));
    }

    [Test]
    public void ChooseAsync_CallCanceled_CancellationPropagates()
    {
        var distributor = new ReadDistributor(DownDatastore.Create(), new FakeNodeHealth(), Praefect.Server.Tests.Metrics.TestMetrics.Create(), new RecordingLogger<ReadDistributor>());
        _nodes.Current.TryGet("praefect", out var virtualStorage);

        Assert.ThrowsAsync<InvalidOperationException>(async () => await distributor.ChooseAsync(virtualStorage, "project.git", new CancellationToken(canceled: true)));
    }

    /// <summary>A datastore whose every call fails as a datastore that is down does.</summary>
    public class DownDatastore : DispatchProxy
    {
        public static IDatastore Create() => Create<IDatastore, DownDatastore>();

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            throw new InvalidOperationException("connection refused (test datastore is down)");
    }
}
