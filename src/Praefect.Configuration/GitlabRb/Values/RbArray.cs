using Praefect.Configuration.GitlabRb.Syntax;

namespace Praefect.Configuration.GitlabRb.Values;

internal sealed record RbArray(IReadOnlyList<RbValue> Items, SourceSpan Span) : RbValue(Span)
{
    public override string TypeName => "an array";
}
