using Praefect.Configuration.Diagnostics;
using Praefect.Configuration.Settings;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Praefect.Configuration.Rendering;

/// <summary>
/// Renders the full file set for one node, in memory: data and log dirs, config.yml, and either
/// the systemd unit or the runit service dir (run, log/run, svlogd config, env dir, runsvdir link).
/// Content comes only from the templates; this class decides paths, modes and owners.
/// </summary>
public sealed class SettingsRenderer(TemplateSet templates)
{
    private const UnixFileMode Mode0700 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode Mode0600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Mode0640 = Mode0600 | UnixFileMode.GroupRead;
    private const UnixFileMode Mode0644 = Mode0640 | UnixFileMode.OtherRead;
    private const UnixFileMode Mode0755 = Mode0700 | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    /// <param name="servicePrefix">See <see cref="ServiceLayout.For"/>; empty for a real system.</param>
    public RenderResult Render(PraefectSettings settings, string servicePrefix = "")
    {
        var layout = ServiceLayout.For(settings, servicePrefix);
        var config = RuntimeConfigMapper.FromSettings(settings);
        var model = TemplateModel.Create(settings, config, layout);
        var diagnostics = new List<Diagnostic>();
        var user = settings.Username;
        var group = settings.Group;

        RenderedEntry File(EntryRole role, string path, string template, UnixFileMode mode, string owner, string fileGroup, ScriptObject? locals = null) =>
            new(EntryKind.File, role, path, mode, owner, fileGroup, RenderTemplate(template, model, locals, diagnostics), template);

        RenderedEntry Dir(string path, UnixFileMode mode, string owner, string dirGroup) =>
            new(EntryKind.Directory, EntryRole.Directory, path, mode, owner, dirGroup);

        var entries = new List<RenderedEntry>
        {
            Dir(layout.DataDir, Mode0700, user, group),
            Dir(layout.LogDir, Mode0700, user, group),
            File(EntryRole.RuntimeConfig, layout.ConfigPath, TemplateNames.RuntimeConfig, Mode0640, "root", group),
        };
        var owned = new List<string>();
        if (settings.ServiceManager == "systemd")
        {
            entries.Add(File(EntryRole.SystemdUnit, layout.SystemdUnitPath, TemplateNames.SystemdUnit, Mode0644, "root", "root"));
        }
        else
        {
            entries.Add(Dir(layout.RunitServiceDir, Mode0755, "root", "root"));
            entries.Add(File(EntryRole.ServiceDefinition, layout.RunScriptPath, TemplateNames.RunitRun, Mode0755, "root", "root"));
            entries.Add(Dir(layout.EnvDir, Mode0755, "root", "root"));
            foreach (var variable in TemplateModel.Env(settings))
            {
                var locals = new ScriptObject { ["var"] = variable };
                entries.Add(File(EntryRole.ServiceDefinition, layout.EnvDir + "/" + variable.Name, TemplateNames.RunitEnvFile, Mode0600, "root", "root", locals));
            }

            owned.Add(layout.EnvDir);
            entries.Add(Dir(layout.LogServiceDir, Mode0755, "root", "root"));
            entries.Add(File(EntryRole.LogService, layout.LogRunScriptPath, TemplateNames.RunitLogRun, Mode0755, "root", "root"));
            entries.Add(File(EntryRole.LogService, layout.LogConfigPath, TemplateNames.RunitLogConfig, Mode0644, "root", "root"));
            entries.Add(Dir(layout.RunitServiceLinkDir, Mode0755, "root", "root"));
            entries.Add(new RenderedEntry(EntryKind.Symlink, EntryRole.ServiceLink, layout.RunitServiceLink, default, "root", "root",
                LinkTarget: layout.RunitServiceLinkTarget));
        }

        return diagnostics.Count == 0 ? new RenderResult(new RenderedTree(entries, owned), diagnostics) : new RenderResult(null, diagnostics);
    }

    private string RenderTemplate(string name, ScriptObject model, ScriptObject? locals, List<Diagnostic> diagnostics)
    {
        var context = new TemplateContext
        {
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            NewLine = "\n",
        };
        context.PushGlobal(model);
        if (locals is not null)
        {
            context.PushGlobal(locals);
        }

        try
        {
            return templates[name].Render(context);
        }
        catch (ScriptRuntimeException e)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, e.Span.FileName ?? name, e.Span.Start.Line + 1, e.Span.Start.Column + 1,
                "template-render", e.OriginalMessage, "fix the template, or the gitlab.rb value it writes"));
            return "";
        }
    }
}
