using Grpc.Core;
using Praefect.Configuration.Runtime;
using Praefect.Configuration.Settings;
using Praefect.Subcommands.Admin;
using Praefect.Protocol.Admin;

namespace Praefect.Ctl.Commands.Failover;

/// <summary>
/// reconfigure's failover step, before any file is written: when gitlab.rb names another primary than
/// the running praefect routes to, the running praefect is asked to fail over, with the same refusal as
/// <c>praefect-ctl failover</c> unless <c>praefect['failover_force'] = true</c>. A refusal stops reconfigure
/// (nothing is written). The running praefect is found from the config on disk (the one it runs with).
/// </summary>
internal static class ReconfigureFailover
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>True when reconfigure may go on.</summary>
    public static bool Run(PraefectSettings settings, string runningConfigPath, bool dryRun, CtlOutput output, string command)
    {
        if (!File.Exists(runningConfigPath) || RuntimeConfigLoader.LoadFile(runningConfigPath, out _) is not { } running)
        {
            // First install: the config's primary becomes the initial primary when praefect starts.
            return true;
        }

        using var connection = AdminConnection.Open(running, command, output);
        if (connection is null)
        {
            return true;
        }

        ListNodesResponse current;
        try
        {
            current = connection.Client.ListNodes(new ListNodesRequest(), connection.Call(TimeSpan.FromSeconds(10), CancellationToken.None));
        }
        catch (RpcException e)
        {
            if (PrimaryChanges(settings, running.VirtualStorages.ToDictionary(vs => vs.Name, vs => vs.Nodes.FirstOrDefault(n => n.Primary)?.Storage ?? "")).Count > 0)
            {
                output.Error.WriteLine($"praefect-ctl {command}: warning: gitlab.rb changes a primary but the running praefect cannot be asked to fail over ({connection.Describe(e)}); " +
                    "once praefect runs, the primary recorded in its datastore stays: run 'praefect-ctl reconfigure' again or 'praefect-ctl failover'");
            }

            return true;
        }

        var changes = PrimaryChanges(settings, current.VirtualStorages.ToDictionary(vs => vs.Name, vs => vs.Primary));
        foreach (var (virtualStorage, from, to) in changes)
        {
            output.Out.WriteLine($"failover: virtual storage '{virtualStorage}': gitlab.rb makes '{to}' the primary; the running praefect routes to '{from}'" +
                (dryRun ? " (dry run: not failed over)" : settings.FailoverForce ? " (failover_force is set)" : ""));
            if (dryRun)
            {
                continue;
            }

            var request = new FailoverRequest
            {
                VirtualStorage = virtualStorage,
                TargetStorage = to,
                Force = settings.FailoverForce,
                TimeoutMs = (long)Timeout.TotalMilliseconds,
                Trigger = "reconfigure",
            };
            if (!FailoverCommand.RunAsync(connection, request, output, command, CancellationToken.None).GetAwaiter().GetResult())
            {
                output.Error.WriteLine($"praefect-ctl {command}: nothing was changed.");
                return false;
            }
        }

        return true;
    }

    /// <summary>Virtual storages whose primary in gitlab.rb differs from <paramref name="current"/>.</summary>
    private static List<(string VirtualStorage, string From, string To)> PrimaryChanges(PraefectSettings settings, IReadOnlyDictionary<string, string> current) =>
        settings.VirtualStorages
            .Select(vs => (vs.Name, Wanted: vs.Nodes.FirstOrDefault(n => n.Primary)?.Storage))
            .Where(vs => vs.Wanted is not null && current.TryGetValue(vs.Name, out var primary) && primary.Length > 0 && primary != vs.Wanted)
            .Select(vs => (vs.Name, current[vs.Name], vs.Wanted!))
            .ToList();
}
