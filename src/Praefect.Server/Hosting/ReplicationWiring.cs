using Praefect.Configuration.Runtime;
using Praefect.Server.Replication;

namespace Praefect.Server.Hosting;

/// <summary>
/// The one place where replication plugs into the host. The proxy calls <see cref="IReplicationScheduler"/>
/// for every repository mutator; the node connections are available as <see cref="Nodes.INodeConnections"/>.
/// Register the durable scheduler (and its workers as hosted services) here.
/// </summary>
internal static class ReplicationWiring
{
    public static IServiceCollection AddReplication(this IServiceCollection services, RuntimeConfig config)
    {
        services.AddDurableReplication(config, sp => new NodeConnectionsReplicationNodes(sp.GetRequiredService<Nodes.INodeConnections>(), sp.GetService<Nodes.Health.INodeHealth>()));
        return services;
    }
}
