namespace Praefect.Configuration.Rendering;

/// <summary>What a rendered entry is for; decides what a change to it means for the service.</summary>
public enum EntryRole
{
    /// <summary>A directory the service needs (data, log, service dir).</summary>
    Directory,

    /// <summary>config.yml: some changes can be reloaded.</summary>
    RuntimeConfig,

    /// <summary>The systemd unit: a change needs daemon-reload and a restart.</summary>
    SystemdUnit,

    /// <summary>runit run script or env file: a change needs a restart.</summary>
    ServiceDefinition,

    /// <summary>svlogd run script or settings: a change needs a restart of the log service.</summary>
    LogService,

    /// <summary>The runsvdir link that enables the runit service.</summary>
    ServiceLink,
}
