using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Praefect.Server.Transactions;

/// <summary>The transaction registry (aborting every undecided vote when praefect stops), the vote service's dependencies and the transactional fan-out.</summary>
internal static class TransactionsWiring
{
    public static IServiceCollection AddTransactions(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var registry = ActivatorUtilities.CreateInstance<TransactionRegistry>(sp, TimeProvider.System);
            sp.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(registry.Stop);
            return registry;
        });
        services.AddSingleton<TransactionalFanOut>();
        return services;
    }
}
