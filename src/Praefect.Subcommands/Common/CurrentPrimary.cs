using Praefect.Configuration.Runtime;
using Praefect.Datastore;

namespace Praefect.Subcommands.Common;

/// <summary>A virtual storage's primary as the commands see it: the one the datastore recorded (after a failover), else the configured one, else the first node.</summary>
internal static class CurrentPrimary
{
    public static async Task<string> GetAsync(IDatastore store, VirtualStorageConfig vs, CancellationToken cancellationToken) =>
        await store.GetPrimaryAsync(vs.Name, cancellationToken) ?? (vs.Nodes.FirstOrDefault(n => n.Primary) ?? vs.Nodes[0]).Storage;
}
