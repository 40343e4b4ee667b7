using System.CommandLine;
using Praefect.Configuration.GitlabRb;
using Praefect.Configuration.Rendering;
using Praefect.Configuration.Runtime;
using Praefect.Ctl.Commands.Reconfigure;
using Praefect.Ctl.ServiceManagers;

namespace Praefect.Ctl.Commands.CheckTemplates;

/// <summary>
/// <c>praefect-ctl check-templates</c>: parse every template, render each sample gitlab.rb, and
/// check the outputs: config.yml loads back to the same runtime config, run scripts pass
/// <c>sh -n</c>, the systemd unit passes <c>systemd-analyze verify</c> where that tool exists.
/// </summary>
internal static class CheckTemplatesCommand
{
    public const string Name = "check-templates";
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(60);

    public static Command Create(CtlOutput output)
    {
        var templates = RenderOptions.Templates();
        var command = new Command(Name, """
            Parse every template, render sample configurations of every node-list form, and check the rendered files.

            Examples:
              praefect-ctl check-templates
              praefect-ctl check-templates --templates ./templates
            """)
        {
            templates,
        };
        command.SetAction(parse => Execute(parse.GetValue(templates), output));
        return command;
    }

    public static int Execute(string? templatesDir, CtlOutput output)
    {
        var directory = TemplateDirectoryLocator.Locate(templatesDir);
        var (templates, diagnostics) = TemplateSet.Load(directory);
        foreach (var diagnostic in diagnostics)
        {
            output.Error.WriteLine(diagnostic.ToString());
        }

        if (templates is null)
        {
            output.Error.WriteLine($"praefect-ctl {Name}: FAILED: the templates in {directory} do not parse");
            return ExitCodes.Failed;
        }

        var failures = 0;
        var scratch = Directory.CreateTempSubdirectory("praefect-check-templates-");
        try
        {
            foreach (var (name, gitlabRb) in TemplateSamples.All)
            {
                var problems = CheckSample(templates, name, gitlabRb, scratch.FullName);
                foreach (var problem in problems)
                {
                    output.Error.WriteLine($"sample '{name}': {problem}");
                }

                output.Out.WriteLine($"{(problems.Count == 0 ? "ok  " : "FAIL")} sample '{name}'");
                failures += problems.Count;
            }
        }
        finally
        {
            scratch.Delete(recursive: true);
        }

        output.Out.WriteLine(failures == 0
            ? $"templates in {directory}: OK ({TemplateNames.All.Count} templates, {TemplateSamples.All.Count} samples)"
            : $"templates in {directory}: FAILED ({failures} problem(s))");
        return failures == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static List<string> CheckSample(TemplateSet templates, string name, string gitlabRb, string scratch)
    {
        var problems = new List<string>();
        var read = GitlabRbReader.ReadText(gitlabRb, name);
        if (read.Settings is null || read.HasErrors)
        {
            problems.AddRange(read.Diagnostics.Select(d => d.ToString()));
            return problems;
        }

        var rendered = new SettingsRenderer(templates).Render(read.Settings);
        if (rendered.Tree is null)
        {
            problems.AddRange(rendered.Diagnostics.Select(d => d.ToString()));
            return problems;
        }

        foreach (var entry in rendered.Tree.Entries.Where(e => e.Kind == EntryKind.File))
        {
            switch (entry.Template)
            {
                case TemplateNames.RuntimeConfig:
                    var loaded = RuntimeConfigLoader.Parse(entry.Content, entry.Path);
                    problems.AddRange(loaded.Diagnostics.Select(d => d.ToString()));
                    if (loaded.Config is not null && RuntimeConfigComparer.ChangedKeys(RuntimeConfigMapper.FromSettings(read.Settings), loaded.Config) is { Count: > 0 } keys)
                    {
                        problems.Add($"{entry.Path} loads back with different values for: {string.Join(", ", keys)}");
                    }

                    break;
                case TemplateNames.RunitRun or TemplateNames.RunitLogRun:
                    problems.AddRange(RunTool(scratch, entry, "run", "sh", "-n"));
                    break;
                case TemplateNames.SystemdUnit when ToolExists("systemd-analyze"):
                    // The sample's praefect binary is not installed here; that one finding is expected.
                    problems.AddRange(RunTool(scratch, entry, "praefect.service", "systemd-analyze", "verify", "--man=no")
                        .Where(line => !line.Contains($"Command {read.Settings.BinaryPath} is not executable", StringComparison.Ordinal)));
                    break;
            }
        }

        return problems;
    }

    private static IEnumerable<string> RunTool(string scratch, RenderedEntry entry, string fileName, string tool, params string[] arguments)
    {
        var path = Path.Combine(scratch, fileName);
        File.WriteAllText(path, entry.Content);
        var result = ProcessRunner.Run(tool, [.. arguments, path], ToolTimeout);
        return result.Succeeded
            ? []
            : result.Lines.Select(line => $"{entry.Path} ({entry.Template}): {tool}: {line.Replace(path, entry.Path, StringComparison.Ordinal)}")
                .DefaultIfEmpty($"{entry.Path} ({entry.Template}): {tool} exited with {result.ExitCode}");
    }

    private static bool ToolExists(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, tool)));
}
