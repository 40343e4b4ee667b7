using Praefect.Ctl.Tests.Reconfigure;

namespace Praefect.Ctl.Tests.CheckTemplates;

public class CheckTemplatesCommandTests
{
    private static string ShippedTemplates => Path.Combine(AppContext.BaseDirectory, "templates");

    [Test]
    public void CheckTemplates_ShippedTemplates_AllSamplesPass()
    {
        var run = CtlRun.Of("check-templates", "--templates", ShippedTemplates);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.OutLines, Is.EqualTo(new[]
        {
            "ok   sample 'storage_nodes array (2019), runit'",
            "ok   sample 'storage_nodes hash, systemd, text logs, env'",
            "ok   sample 'virtual_storages, awkward values'",
            $"templates in {ShippedTemplates}: OK (6 templates, 3 samples)",
        }));
    }

    [Test]
    public void CheckTemplates_BrokenRunScriptAndYaml_Exits1NamingEachProblem()
    {
        using var temp = new TempRoot();
        CopyTemplates(temp.Directory);
        Replace(temp.Directory + "/runit/run.sbn", "exec 2>&1", "exec 2>&1 (");
        Replace(temp.Directory + "/config.yml.sbn", "  key_path:", " key_path:");

        var run = CtlRun.Of("check-templates", "--templates", temp.Directory);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Error, Does.Contain("sample 'storage_nodes array (2019), runit': /opt/gitlab/sv/praefect/run (runit/run.sbn): sh: /opt/gitlab/sv/praefect/run: 5: Syntax error: \"(\" unexpected"));
        Assert.That(run.Error, Does.Contain("sample 'storage_nodes array (2019), runit': /var/opt/gitlab/praefect/config.yml:9:2: error: invalid YAML"));
        Assert.That(run.OutLines[^1], Is.EqualTo($"templates in {temp.Directory}: FAILED (5 problem(s))"));
    }

    [Test]
    public void CheckTemplates_TemplateSyntaxError_Exits1WithTemplatePosition()
    {
        using var temp = new TempRoot();
        CopyTemplates(temp.Directory);
        File.AppendAllText(temp.Directory + "/runit/log-run.sbn", "{{ if }}\n");

        var run = CtlRun.Of("check-templates", "--templates", temp.Directory);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Error, Does.StartWith($"{temp.Directory}/runit/log-run.sbn:5:7: error: Error while parsing if statement"));
    }

    private static void CopyTemplates(string target)
    {
        foreach (var file in Directory.EnumerateFiles(ShippedTemplates, "*.sbn", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(ShippedTemplates, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    private static void Replace(string path, string from, string to) =>
        File.WriteAllText(path, File.ReadAllText(path).Replace(from, to, StringComparison.Ordinal));
}
