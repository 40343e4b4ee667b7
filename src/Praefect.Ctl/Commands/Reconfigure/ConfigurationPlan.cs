using Praefect.Configuration.Rendering;
using Praefect.Configuration.Rendering.Apply;
using Praefect.Configuration.Settings;

namespace Praefect.Ctl.Commands.Reconfigure;

/// <summary>What reconfigure would do: the rendered tree, every change against the disk under the root, and the service decision.</summary>
internal sealed record ConfigurationPlan(
    PraefectSettings Settings,
    string Root,
    RenderedTree Tree,
    IReadOnlyList<PlannedChange> Changes,
    ServiceDecision Decision,
    RenderedTextRedactor Redactor)
{
    public bool HasChanges => Changes.Any(c => c.Kind != ChangeKind.Unchanged);
}
