using Praefect.Configuration.GitlabRb.Syntax;

namespace Praefect.Configuration.GitlabRb.Values;

internal sealed record RbBool(bool Value, SourceSpan Span) : RbValue(Span)
{
    public override string TypeName => Value ? "true" : "false";

    public override bool IsTruthy => Value;
}
