using Praefect.Configuration.GitlabRb.Syntax;

namespace Praefect.Configuration.GitlabRb.Values;

internal sealed record RbInteger(long Value, SourceSpan Span) : RbValue(Span)
{
    public override string TypeName => "an integer";
}
