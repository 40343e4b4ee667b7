using Praefect.Configuration.Settings;

namespace Praefect.Configuration.Rendering;

/// <summary>
/// Where every rendered file lives on the target system (before any <c>--root</c> prefix).
/// The runit paths follow Omnibus: the service dir in /opt/gitlab/sv, the runsvdir link in
/// /opt/gitlab/service. The env dir sits inside the service dir and the run script names it
/// relative to its working directory (runsv starts it there), so a service dir rendered under
/// a root runs as is.
/// </summary>
public sealed record ServiceLayout(
    string DataDir,
    string LogDir,
    string ConfigPath,
    string SystemdUnitPath,
    string RunitServiceDir,
    string RunitServiceLink,
    string RunitServiceLinkTarget)
{
    public const string ServiceName = "praefect";

    public string RunScriptPath => RunitServiceDir + "/run";

    public string LogServiceDir => RunitServiceDir + "/log";

    public string LogRunScriptPath => LogServiceDir + "/run";

    /// <summary>svlogd reads its settings from <c>config</c> inside the directory it logs to.</summary>
    public string LogConfigPath => LogDir + "/config";

    public string EnvDir => RunitServiceDir + "/env";

    /// <summary>The env dir as the run script names it (relative to the service dir).</summary>
    public static string EnvDirFromRunScript => "./env";

    public string RunitServiceLinkDir => Path.GetDirectoryName(RunitServiceLink)!;

    /// <param name="servicePrefix">Put the fixed Omnibus paths (unit, runit dirs) under this directory
    /// too; used by <c>reconfigure --sandbox</c> so that the rendered service runs where it was rendered.</param>
    public static ServiceLayout For(PraefectSettings settings, string servicePrefix = "")
    {
        var dataDir = TrimSlash(settings.Dir);
        var prefix = servicePrefix.TrimEnd('/');
        return new ServiceLayout(
            DataDir: dataDir,
            LogDir: TrimSlash(settings.LogDirectory),
            ConfigPath: dataDir + "/config.yml",
            SystemdUnitPath: prefix + "/etc/systemd/system/praefect.service",
            RunitServiceDir: prefix + "/opt/gitlab/sv/praefect",
            RunitServiceLink: prefix + "/opt/gitlab/service/praefect",
            RunitServiceLinkTarget: "../sv/praefect");
    }

    private static string TrimSlash(string path) => path.Length > 1 ? path.TrimEnd('/') : path;
}
