using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Praefect.Configuration.Runtime;
using Praefect.Datastore;

namespace Praefect.Server.Replication;

/// <summary>
/// Registers durable replication: the datastore chosen from the config, the scheduler the proxy calls,
/// and the replicator as a hosted service, talking to the nodes through <paramref name="nodes"/> (the
/// host's pooled node connections, <see cref="NodeConnectionsReplicationNodes"/>).
/// </summary>
internal static class ReplicationRegistration
{
    public static IServiceCollection AddDurableReplication(this IServiceCollection services, RuntimeConfig config, Func<IServiceProvider, IReplicationNodes> nodes)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => DatastoreFactory.Create(config, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton(ReplicationOptions.From(config.Replication));
        services.AddSingleton<ReplicationInstance>();
        services.AddSingleton<ReplicationSignal>();
        services.AddSingleton(nodes);

        services.AddSingleton<IReplicationScheduler, DurableReplicationScheduler>();
        services.AddHostedService<ReplicationService>();
        return services;
    }
}
