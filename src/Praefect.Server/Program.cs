using Praefect.Configuration.Runtime;
using Praefect.Server.Configuration;
using Praefect.Server.Hosting;

// praefect: loads the rendered runtime config, serves until SIGTERM (graceful) and reloads on SIGHUP;
// with a subcommand (praefect -config FILE list-storages, ...) it runs that admin task and exits.
var commandLine = CommandLine.Parse(args);
if (commandLine.Error is not null)
{
    Console.Error.WriteLine($"praefect: {commandLine.Error}");
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}

if (commandLine.ShowHelp || commandLine.Subcommand.Count > 0)
{
    // The Go Praefect's subcommands (shared with praefect-ctl); --help lists them and exits 0.
    return Praefect.Subcommands.GoSubcommands.RunForPraefect(commandLine.ConfigPath, commandLine.ShowHelp ? ["--help"] : commandLine.Subcommand,
        Console.In, Console.Out, Console.Error, RuntimeConfigValidator.Validate);
}

if (commandLine.ShowVersion)
{
    Console.Out.WriteLine($"praefect, version {BuildInfo.Version}");
    return 0;
}

var configPath = commandLine.ConfigPath!;
var config = RuntimeConfigLoader.LoadFile(configPath, out var loadError);
if (config is null)
{
    Console.Error.WriteLine(loadError);
    return 1;
}

var errors = RuntimeConfigValidator.Validate(config);
if (errors.Count > 0)
{
    foreach (var error in errors)
    {
        Console.Error.WriteLine($"{configPath}: error: {error}");
    }

    return 1;
}

Prometheus.Metrics.SuppressDefaultMetrics(new Prometheus.SuppressDefaultMetricOptions { SuppressEventCounters = true, SuppressMeters = true, SuppressDebugMetrics = true });

WebApplication app;
try
{
    app = PraefectHost.Build(new PraefectOptions(config, configPath));
    await app.StartAsync();
}
catch (Exception e)
{
    // Whatever stops the start (a listener in use, a certificate, the datastore): one line, exit 1.
    Console.Error.WriteLine($"praefect: error: {(e is StartupException ? e.Message : "cannot start: " + e.Message)}");
    return 1;
}

await app.WaitForShutdownAsync();
await app.DisposeAsync();
return 0;
