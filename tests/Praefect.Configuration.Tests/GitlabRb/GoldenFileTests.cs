using Praefect.Configuration.Diagnostics;
using Praefect.Configuration.GitlabRb;
using Praefect.Configuration.Settings;
using Praefect.Configuration.Tests.Support;

namespace Praefect.Configuration.Tests.GitlabRb;

/// <summary>
/// Walks Golden/valid/*.rb (expected: no errors; settings in NAME.json, warnings in NAME.txt) and
/// Golden/invalid/*.rb (expected diagnostics in NAME.txt). PRAEFECT_ACCEPT_GOLDEN=1 approves new output.
/// </summary>
public sealed class GoldenFileTests
{
    /// <summary>The environment ENV[...] sees in golden files: fixed, so output does not depend on the machine.</summary>
    public static readonly IReadOnlyDictionary<string, string> Environment = new Dictionary<string, string>
    {
        ["PRAEFECT_AUTH_TOKEN"] = "token-from-env",
        ["GITALY_TOKEN"] = "gitaly-token-from-env",
        ["PRAEFECT_DB_HOST"] = "db.internal",
        ["NODE_HOST"] = "gitaly-from-env.internal",
    };

    [Test]
    public void ValidFolder_EveryFile_BindsWithoutErrorsToApprovedSettings()
    {
        var failures = new List<string>();
        var files = Directory.GetFiles(RepositoryPaths.Golden("valid"), "*.rb").Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            var result = GitlabRbReader.ReadText(File.ReadAllText(file), Path.GetFileName(file), Environment);
            if (result.HasErrors || result.Settings is null)
            {
                failures.Add($"{Path.GetFileName(file)}: expected no errors, got:\n{DiagnosticFormatter.ToText(result.Diagnostics)}");
                continue;
            }

            failures.Add(Approvals.Verify(Path.ChangeExtension(file, ".json"), SettingsJson.Write(result.Settings, redact: false)) ?? "");
            failures.Add(Approvals.Verify(Path.ChangeExtension(file, ".txt"), DiagnosticFormatter.ToText(result.Diagnostics)) ?? "");
        }

        Assert.That(files, Has.Count.GreaterThanOrEqualTo(8));
        Assert.That(string.Join("\n", failures.Where(f => f.Length > 0)), Is.Empty);
    }

    [Test]
    public void InvalidFolder_EveryFile_ReportsApprovedDiagnostics()
    {
        var failures = new List<string>();
        var files = Directory.GetFiles(RepositoryPaths.Golden("invalid"), "*.rb").Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            var result = GitlabRbReader.ReadText(File.ReadAllText(file), Path.GetFileName(file), Environment);
            if (!result.HasErrors)
            {
                failures.Add($"{Path.GetFileName(file)}: expected errors, got none");
            }

            failures.Add(Approvals.Verify(Path.ChangeExtension(file, ".txt"), DiagnosticFormatter.ToText(result.Diagnostics)) ?? "");
        }

        Assert.That(files, Has.Count.GreaterThanOrEqualTo(10));
        Assert.That(string.Join("\n", failures.Where(f => f.Length > 0)), Is.Empty);
    }
}
