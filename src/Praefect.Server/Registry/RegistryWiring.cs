using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using Praefect.Protocol.Admin;
using Praefect.Protocol.Reflection;
using Praefect.Protocol.Registry;

namespace Praefect.Server.Registry;

/// <summary>The one place where the learned registry and praefect's own reflection service plug into the host.</summary>
internal static class RegistryWiring
{
    public static IServiceCollection AddRegistry(this IServiceCollection services)
    {
        services.AddSingleton(_ => new LearnedRegistry(OperationRegistry.Gitaly,
            [HealthReflection.Descriptor, ReflectionReflection.Descriptor, PraefectAdminReflection.Descriptor]));
        services.AddSingleton<IOperationLookup>(sp => sp.GetRequiredService<LearnedRegistry>());
        services.AddSingleton<OperationLearner>();
        services.AddHostedService(sp => sp.GetRequiredService<OperationLearner>());
        services.AddSingleton(sp => new ReflectionServer(() => sp.GetRequiredService<LearnedRegistry>().Catalog));
        return services;
    }
}
