using Praefect.Configuration.GitlabRb.Syntax;

namespace Praefect.Configuration.GitlabRb.Values;

internal sealed record RbSymbol(string Name, SourceSpan Span) : RbValue(Span)
{
    public override string TypeName => "a symbol";
}
