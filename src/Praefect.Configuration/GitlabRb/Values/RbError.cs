using Praefect.Configuration.GitlabRb.Syntax;

namespace Praefect.Configuration.GitlabRb.Values;

/// <summary>Stands in for a value whose error was already reported; later stages stay silent about it.</summary>
internal sealed record RbError(SourceSpan Span) : RbValue(Span)
{
    public override string TypeName => "an invalid value";
}
