using Grpc.HealthCheck;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Praefect.Server.Auth;
using Praefect.Server.Failover;
using Praefect.Logging;
using Praefect.Server.Logging;
using Praefect.Server.Metrics;
using Praefect.Server.Nodes;
using Praefect.Server.Proxy;
using Praefect.Server.Registry;
using Praefect.Server.Routing;
using Praefect.Server.Services;
using Praefect.Server.Transactions;
using Prometheus;

namespace Praefect.Server.Hosting;

/// <summary>
/// Builds the praefect web host: Kestrel listeners, logging, services, and the request pipeline
/// (metrics listener: /metrics only) observe -> boundary (unexpected exceptions become Internal) -> authenticate -> forward (registry methods) -> local gRPC services -> Unimplemented.
/// </summary>
internal static class PraefectHost
{
    public static WebApplication Build(PraefectOptions options)
    {
        var config = options.Config;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrelHttpsConfiguration();

        LogLevelSwitch.TryParse(config.Logging.Level, out var level);
        var logLevel = new LogLevelSwitch(level);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddFilter((category, entryLevel) => logLevel.IsEnabled(category, entryLevel));
        LineFormatter formatter = config.Logging.Format == "text" ? new TextLineFormatter() : new JsonLineFormatter();
        builder.Logging.Services.AddSingleton<ILoggerProvider>(_ => new LineLoggerProvider(formatter, Console.OpenStandardOutput()));

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // A proxy must not cap or throttle bodies: pushes are hundreds of MB, clients can be slow.
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Limits.MinRequestBodyDataRate = null;
            kestrel.Limits.MinResponseDataRate = null;
            kestrel.Limits.Http2.InitialConnectionWindowSize = 8 * 1024 * 1024;
            kestrel.Limits.Http2.InitialStreamWindowSize = 4 * 1024 * 1024;
            ListenerSetup.Configure(kestrel, config);
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(config.GracefulStopTimeoutSeconds));
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);

        AddServices(builder.Services, options, logLevel);

        var app = builder.Build();
        if (MetricsListener.From(config.PrometheusListenAddr) is { } metricsListener)
        {
            var registry = app.Services.GetRequiredService<PraefectMetrics>().Registry;
            app.MapWhen(metricsListener.Serves, metrics => metrics.UseMetricServer("/metrics", registry));
        }

        app.UseMiddleware<CallObserverMiddleware>();
        app.UseMiddleware<CallBoundaryMiddleware>();
        app.UseMiddleware<AuthMiddleware>();
        app.UseMiddleware<ProxyMiddleware>();
        app.UseRouting();
        app.MapGrpcService<HealthServiceImpl>();
        app.MapGrpcService<ServerInfoService>();
        app.MapGrpcService<RefTransactionService>();
        app.MapGrpcService<Praefect.Protocol.Reflection.ReflectionServer>();
        app.MapFailover();
        app.Map("/{**method}", UnknownMethodEndpoint.HandleAsync);
        return app;
    }

    private static void AddServices(IServiceCollection services, PraefectOptions options, LogLevelSwitch logLevel)
    {
        services.AddGrpc(o =>
        {
            o.IgnoreUnknownServices = true;
            o.MaxReceiveMessageSize = null;
            o.MaxSendMessageSize = null;
        });
        services.AddHttpForwarder();
        services.AddSingleton(options);
        services.AddSingleton(logLevel);
        // The one metrics home of the process; prometheus-net's default registry adds the process_* and dotnet_* collectors.
        services.AddSingleton(new PraefectMetrics(BuildInfo.Version, Prometheus.Metrics.DefaultRegistry));
        services.AddSingleton(new AuthSettings(options.Config.Auth));
        services.AddSingleton(_ => new NodeManager(options.Config));
        services.AddSingleton<INodeConnections>(sp => sp.GetRequiredService<NodeManager>());
        services.AddSingleton<HealthServiceImpl>();
        services.AddRegistry();
        services.AddSingleton<ProxyErrorReporter>();
        services.AddSingleton<ServerScopedFanOut>();
        services.AddTransactions();
        services.AddSingleton<GrpcForwarder>();
        services.AddSingleton<ReadDistributor>();
        services.AddSingleton<ConfigReloader>();
        services.AddHostedService<PraefectLifecycle>();
        services.AddReplication(options.Config);
        services.AddFailover(options.Config);
    }
}
