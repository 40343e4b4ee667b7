using Praefect.Configuration.GitlabRb.Syntax;

namespace Praefect.Configuration.GitlabRb.Values;

internal sealed record RbString(string Value, SourceSpan Span) : RbValue(Span)
{
    public override string TypeName => "a string";
}
