using Praefect.Configuration.Diagnostics;

namespace Praefect.Configuration.Rendering;

/// <summary>The rendered tree, or null when a template failed (see <see cref="Diagnostics"/>).</summary>
public sealed record RenderResult(RenderedTree? Tree, IReadOnlyList<Diagnostic> Diagnostics);
