using GitalyLite.Auth;
using GitalyLite.Cli;
using GitalyLite.Configuration;
using GitalyLite.Logging;
using GitalyLite.Services;
using GitalyLite.Storage;
using Grpc.Health.V1;
using Grpc.HealthCheck;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging.Console;
using Praefect.Logging;
using Praefect.Protocol.Reflection;

namespace GitalyLite.Hosting;

/// <summary>Builds the Kestrel host: h2c listeners, JSON logs, interceptors (logging, then auth), services, health.</summary>
internal static class NodeHost
{
    public static WebApplication Build(NodeOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder();
        ConfigureLogging(builder.Logging, options.LogLevel);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            if (options.ListenAddress is not null && ListenEndPoint.TryParse(options.ListenAddress, out var endPoint, out _))
            {
                kestrel.Listen(endPoint, listen => listen.Protocols = HttpProtocols.Http2);
            }

            if (options.SocketPath is not null)
            {
                File.Delete(options.SocketPath);
                kestrel.ListenUnixSocket(options.SocketPath, listen => listen.Protocols = HttpProtocols.Http2);
            }

            kestrel.Limits.MaxRequestBodySize = null;
        });

        var storages = new StorageRegistry(options.Storages);
        storages.EnsureDirectories();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(storages);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<RepositoryLocator>();
        builder.Services.AddSingleton<GitalyLite.Fetch.UploadPackRelay>();
        builder.Services.AddSingleton<GitalyLite.Transactions.VoteRelay>();
        builder.Services.AddSingleton<HealthServiceImpl>();
        var declared = DeclaredProtocol.Build();
        builder.Services.AddSingleton(new ReflectionServer(() => declared));
        builder.Services.AddGrpc(grpc =>
        {
            grpc.Interceptors.Add<CallLoggingInterceptor>();
            grpc.Interceptors.Add<AuthInterceptor>();
            grpc.MaxReceiveMessageSize = null;
            grpc.IgnoreUnknownServices = true;
            grpc.EnableDetailedErrors = false;
        });

        var app = builder.Build();
        app.MapGrpcService<HealthServiceImpl>();
        app.MapGrpcService<ServerServiceImpl>();
        app.MapGrpcService<RepositoryServiceImpl>();
        app.MapGrpcService<RemoteServiceImpl>();
        app.MapGrpcService<SshServiceImpl>();
        app.MapGrpcService<SmartHttpServiceImpl>();
        app.MapGrpcService<RefServiceImpl>();
        app.MapGrpcService<RepositoryLifecycleService>();
        app.MapGrpcService<InternalGitalyService>();
        app.MapGrpcService<ReflectionServer>();
        app.MapFallback(UnknownMethod.HandleAsync);

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            app.Services.GetRequiredService<HealthServiceImpl>().SetStatus("", HealthCheckResponse.Types.ServingStatus.Serving);
            var listeners = string.Join(", ", new[] { options.ListenAddress, options.SocketPath is null ? null : "unix:" + options.SocketPath }.OfType<string>());
            Log.NodeStarted(app.Services.GetRequiredService<ILogger<ServerServiceImpl>>(),
                typeof(NodeHost).Assembly.GetName().Version?.ToString() ?? "0", string.Join(", ", storages.Roots.Keys), listeners);
        });
        app.Lifetime.ApplicationStopping.Register(() =>
            app.Services.GetRequiredService<HealthServiceImpl>().SetStatus("", HealthCheckResponse.Types.ServingStatus.NotServing));
        return app;
    }

    private static void ConfigureLogging(ILoggingBuilder logging, string level)
    {
        logging.ClearProviders();
        // praefect's JSON lines (time, level, msg, Gitaly's field names, correlation_id), from the shared formatter.
        logging.AddConsole(console => console.FormatterName = ConsoleLineFormatter.FormatterName);
        logging.AddConsoleFormatter<ConsoleLineFormatter, ConsoleFormatterOptions>();
        logging.SetMinimumLevel(level switch
        {
            "debug" => LogLevel.Debug,
            "warn" => LogLevel.Warning,
            "error" => LogLevel.Error,
            _ => LogLevel.Information,
        });
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter("Grpc", LogLevel.Warning);
    }
}
