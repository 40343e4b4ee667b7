using Praefect.Configuration.Runtime;
using Praefect.Configuration.Settings;
using Scriban.Runtime;

namespace Praefect.Configuration.Rendering;

/// <summary>
/// What templates see: <c>settings</c> (gitlab.rb), <c>config</c> (the runtime config),
/// <c>layout</c> (target paths), <c>env</c> (variables in order), <c>writable_dirs</c>, and the
/// escaping functions. Member names are snake_case (Scriban's default renamer).
/// </summary>
internal static class TemplateModel
{
    public static ScriptObject Create(PraefectSettings settings, RuntimeConfig config, ServiceLayout layout)
    {
        var model = new ScriptObject
        {
            ["settings"] = settings,
            ["config"] = config,
            ["layout"] = layout,
            ["env"] = Env(settings),
            ["writable_dirs"] = WritableDirs(settings, layout),
            ["env_dir"] = ServiceLayout.EnvDirFromRunScript,
            ["user_group"] = settings.Username + ":" + settings.Group,
        };
        model.Import("yaml_str", new Func<string, string>(TemplateEscaping.YamlString));
        model.Import("shell_word", new Func<string, string>(TemplateEscaping.ShellWord));
        model.Import("systemd_value", new Func<string, string>(TemplateEscaping.SystemdValue));
        model.Import("systemd_exec_arg", new Func<string, string>(TemplateEscaping.SystemdExecArg));
        model.Import("systemd_name", new Func<string, string>(TemplateEscaping.SystemdName));
        model.Import("envdir_value", new Func<string, string>(TemplateEscaping.EnvDirValue));
        model.Import("svlogd_value", new Func<string, string>(TemplateEscaping.SvlogdValue));
        return model;
    }

    public static IReadOnlyList<EnvVariable> Env(PraefectSettings settings) =>
        settings.Env.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new EnvVariable(e.Key, e.Value)).ToList();

    /// <summary>The directories the systemd sandbox must leave writable: data, logs and the socket's directory.</summary>
    private static IReadOnlyList<string> WritableDirs(PraefectSettings settings, ServiceLayout layout)
    {
        var dirs = new List<string> { layout.DataDir, layout.LogDir };
        if (settings.SocketPath.Length > 0 && Path.GetDirectoryName(settings.SocketPath) is { Length: > 0 } socketDir
            && !dirs.Any(d => socketDir == d || socketDir.StartsWith(d + "/", StringComparison.Ordinal)))
        {
            dirs.Add(socketDir);
        }

        return dirs;
    }
}
