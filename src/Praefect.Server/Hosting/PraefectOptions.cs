using Praefect.Configuration.Runtime;

namespace Praefect.Server.Hosting;

/// <summary>The config praefect started with and where it came from (reloads read the same path).</summary>
internal sealed record PraefectOptions(RuntimeConfig Config, string ConfigPath);
