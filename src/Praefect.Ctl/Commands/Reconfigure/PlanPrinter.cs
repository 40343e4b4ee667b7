using Praefect.Configuration.Rendering;
using Praefect.Configuration.Rendering.Apply;

namespace Praefect.Ctl.Commands.Reconfigure;

/// <summary>Prints one line per entry (created, changed, removed, unchanged), then a redacted unified diff of every changed file.</summary>
internal static class PlanPrinter
{
    public static void PrintChanges(ConfigurationPlan plan, TextWriter output, bool includeUnchanged)
    {
        foreach (var change in plan.Changes.Where(c => includeUnchanged || c.Kind != ChangeKind.Unchanged))
        {
            var label = change.Kind.ToString().ToLowerInvariant();
            output.WriteLine($"{label,-9} {change.Path}{(change.Kind == ChangeKind.Unchanged ? "" : change.Describe())}");
        }

        foreach (var change in plan.Changes.Where(ShowsDiff))
        {
            foreach (var line in UnifiedDiff.Lines(change.Path, change.Kind == ChangeKind.Created ? null : change.OldContent ?? "",
                         change.Entry?.Content ?? "", plan.Redactor.Line))
            {
                output.WriteLine(line);
            }
        }
    }

    public static void PrintSummary(ConfigurationPlan plan, TextWriter output)
    {
        int Count(ChangeKind kind) => plan.Changes.Count(c => c.Kind == kind);
        output.WriteLine($"{Count(ChangeKind.Created)} created, {Count(ChangeKind.Changed)} changed, {Count(ChangeKind.Removed)} removed, {Count(ChangeKind.Unchanged)} unchanged");
    }

    private static bool ShowsDiff(PlannedChange change) =>
        change.Kind == ChangeKind.Removed
        || (change.Kind is ChangeKind.Created or ChangeKind.Changed && !change.ModeOnly && change.Entry?.Kind == EntryKind.File);
}
