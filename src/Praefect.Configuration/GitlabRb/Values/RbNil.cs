using Praefect.Configuration.GitlabRb.Syntax;

namespace Praefect.Configuration.GitlabRb.Values;

internal sealed record RbNil(SourceSpan Span) : RbValue(Span)
{
    public override string TypeName => "nil";

    public override bool IsTruthy => false;
}
