using Microsoft.Extensions.DependencyInjection.Extensions;
using Praefect.Configuration.Runtime;
using Praefect.Datastore;
using Praefect.Server.Admin;
using Praefect.Server.Nodes;
using Praefect.Server.Nodes.Health;

namespace Praefect.Server.Failover;

/// <summary>The one place where health, failover and the admin API plug into the host.</summary>
internal static class FailoverWiring
{
    public static IServiceCollection AddFailover(this IServiceCollection services, RuntimeConfig config)
    {
        if (config.Database.Host.Length == 0)
        {
            // The embedded SQLite datastore lives in the data dir: reconfigure creates it, a hand-started
            // praefect may not have it. Created before any hosted service opens the datastore.
            Directory.CreateDirectory(config.DataDir);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDatastore>(_ => DatastoreFactory.Create(config));
        services.AddSingleton(config.Failover);

        services.AddSingleton<NodeHealthMonitor>();
        services.AddSingleton<INodeHealth>(sp => sp.GetRequiredService<NodeHealthMonitor>());
        services.AddHostedService<HealthChecker>();

        services.AddSingleton<IPrimarySwitcher>(sp => sp.GetRequiredService<NodeManager>());
        services.AddSingleton<MutatorGates>();
        services.AddSingleton<LostWritesGuard>();
        services.AddSingleton<IMutatorAdmission, MutatorAdmission>();
        services.AddSingleton<FailoverCoordinator>();
        services.AddHostedService<FailoverStateSync>();
        if (config.Failover.Enabled)
        {
            services.AddHostedService<AutomaticFailover>();
        }

        services.AddSingleton<NodeListing>();
        services.AddSingleton<DatalossListing>();
        services.AddSingleton<DatalossAcceptor>();
        return services;
    }

    public static IEndpointRouteBuilder MapFailover(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<PraefectAdminService>();
        return endpoints;
    }
}
