using Praefect.Configuration.Runtime;

namespace Praefect.Configuration.Rendering.Apply;

/// <summary>
/// Decides what the service needs after a set of changes: a new service definition -> start;
/// a changed unit (daemon-reload), run script, env or log service -> restart; only config.yml
/// changed -> reload when every changed key is reloadable (nodes, tokens, logging level), else
/// restart; nothing changed (or only modes) -> nothing.
/// </summary>
public static class ServiceActionDecider
{
    /// <summary>Keys praefect re-reads on SIGHUP; any other change needs a restart.</summary>
    public static IReadOnlySet<string> ReloadableKeys { get; } =
        new HashSet<string>(StringComparer.Ordinal) { "virtual_storages", "auth.token", "auth.transitioning", "logging.level" };

    public static ServiceDecision Decide(IReadOnlyList<PlannedChange> changes, string configFileName)
    {
        var contentChanges = changes.Where(c => c.Kind != ChangeKind.Unchanged && !c.ModeOnly && c.Entry?.Role != EntryRole.Directory).ToList();
        if (contentChanges.Count == 0)
        {
            return new ServiceDecision(ServiceAction.None, "nothing changed");
        }

        var definitions = contentChanges.Where(c => c.Entry?.Role is EntryRole.SystemdUnit or EntryRole.ServiceDefinition or EntryRole.ServiceLink || c.Entry is null).ToList();
        var definitionIsNew = changes.Any(c => c.Entry?.Role is EntryRole.SystemdUnit or EntryRole.ServiceLink && c.Kind == ChangeKind.Created);
        if (definitionIsNew)
        {
            return new ServiceDecision(ServiceAction.Start, "the service is set up for the first time", DaemonReload: IsUnit(changes));
        }

        if (definitions.Count > 0)
        {
            var unit = definitions.Any(c => c.Entry?.Role == EntryRole.SystemdUnit);
            return new ServiceDecision(ServiceAction.Restart, unit ? "the systemd unit changed" : "the run script or its environment changed", unit);
        }

        if (contentChanges.Any(c => c.Entry?.Role == EntryRole.LogService))
        {
            return new ServiceDecision(ServiceAction.Restart, "the log service changed");
        }

        var config = contentChanges.Single(c => c.Entry?.Role == EntryRole.RuntimeConfig);
        return DecideForConfig(config, configFileName);
    }

    private static ServiceDecision DecideForConfig(PlannedChange config, string configFileName)
    {
        if (config.Kind == ChangeKind.Created || config.OldContent is null)
        {
            return new ServiceDecision(ServiceAction.Restart, "config.yml was missing");
        }

        var before = RuntimeConfigLoader.Parse(config.OldContent, configFileName).Config;
        var after = RuntimeConfigLoader.Parse(config.Entry!.Content, configFileName).Config;
        if (before is null || after is null)
        {
            return new ServiceDecision(ServiceAction.Restart, "the old config.yml does not load");
        }

        var keys = RuntimeConfigComparer.ChangedKeys(before, after);
        var fixedKeys = keys.Where(k => !ReloadableKeys.Contains(k)).ToList();
        return keys.Count == 0
            ? new ServiceDecision(ServiceAction.None, "config.yml changed only in comments or layout")
            : fixedKeys.Count == 0
                ? new ServiceDecision(ServiceAction.Reload, "only reloadable settings changed: " + string.Join(", ", keys))
                : new ServiceDecision(ServiceAction.Restart, "changed settings need a restart: " + string.Join(", ", fixedKeys));
    }

    private static bool IsUnit(IReadOnlyList<PlannedChange> changes) => changes.Any(c => c.Entry?.Role == EntryRole.SystemdUnit);
}
