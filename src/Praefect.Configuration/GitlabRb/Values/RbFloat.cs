using Praefect.Configuration.GitlabRb.Syntax;

namespace Praefect.Configuration.GitlabRb.Values;

internal sealed record RbFloat(double Value, SourceSpan Span) : RbValue(Span)
{
    public override string TypeName => "a float";
}
