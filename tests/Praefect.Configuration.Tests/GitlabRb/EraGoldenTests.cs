using Praefect.Configuration.Diagnostics;
using Praefect.Configuration.GitlabRb;
using Praefect.Configuration.Settings;
using Praefect.Configuration.Tests.Support;

namespace Praefect.Configuration.Tests.GitlabRb;

/// <summary>
/// Golden/eras/&lt;GitLab release&gt;/gitlab.rb: a Praefect section written the way an admin of that
/// Omnibus era wrote it (our own files, not Omnibus' text). Each must read without errors and
/// without "unknown key"; check.txt is what <c>praefect-ctl check</c> prints, settings.json what
/// <c>show-config</c> prints. PRAEFECT_ACCEPT_GOLDEN=1 approves new output.
/// </summary>
public sealed class EraGoldenTests
{
    [Test]
    public void ErasFolder_EveryEra_ReadsWithoutErrorsToApprovedCheckOutputAndSettings()
    {
        var failures = new List<string>();
        var eras = Directory.GetDirectories(RepositoryPaths.Golden("eras")).Order(StringComparer.Ordinal).ToList();
        foreach (var era in eras)
        {
            var name = Path.GetFileName(era);
            var result = GitlabRbReader.ReadText(File.ReadAllText(Path.Combine(era, "gitlab.rb")), "gitlab.rb", GoldenFileTests.Environment);
            if (result.HasErrors || result.Settings is null)
            {
                failures.Add($"era {name}: expected no errors, got:\n{DiagnosticFormatter.ToText(result.Diagnostics)}");
                continue;
            }

            if (result.Diagnostics.Any(d => d.Code == DiagnosticCodes.UnknownKey))
            {
                failures.Add($"era {name}: a key of a real Omnibus release was called unknown");
            }

            var check = DiagnosticFormatter.ToText(result.Diagnostics) + $"gitlab.rb: OK ({DiagnosticFormatter.Summary(result.Diagnostics)})\n";
            failures.Add(Approvals.Verify(Path.Combine(era, "check.txt"), check) ?? "");
            failures.Add(Approvals.Verify(Path.Combine(era, "settings.json"), SettingsJson.Write(result.Settings)) ?? "");
        }

        Assert.That(eras.Select(Path.GetFileName), Is.SupersetOf(new[] { "12.1", "12.6", "13.0", "14.0", "16.0", "18.0" }));
        Assert.That(string.Join("\n", failures.Where(f => f.Length > 0)), Is.Empty);
    }
}
