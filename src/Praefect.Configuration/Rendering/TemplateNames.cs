namespace Praefect.Configuration.Rendering;

/// <summary>Every template, by its path relative to the templates directory.</summary>
public static class TemplateNames
{
    public const string RuntimeConfig = "config.yml.sbn";
    public const string SystemdUnit = "systemd/praefect.service.sbn";
    public const string RunitRun = "runit/run.sbn";
    public const string RunitLogRun = "runit/log-run.sbn";
    public const string RunitLogConfig = "runit/log-config.sbn";
    public const string RunitEnvFile = "runit/env-file.sbn";

    public static IReadOnlyList<string> All { get; } =
        [RuntimeConfig, SystemdUnit, RunitRun, RunitLogRun, RunitLogConfig, RunitEnvFile];
}
