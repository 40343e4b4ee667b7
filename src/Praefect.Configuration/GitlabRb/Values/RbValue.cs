using Praefect.Configuration.GitlabRb.Syntax;

namespace Praefect.Configuration.GitlabRb.Values;

/// <summary>A value read from gitlab.rb, with where it was written.</summary>
internal abstract record RbValue(SourceSpan Span)
{
    /// <summary>The value's type as a message reads it: "a string", "an integer", ...</summary>
    public abstract string TypeName { get; }

    /// <summary>Ruby truthiness: everything but nil and false.</summary>
    public virtual bool IsTruthy => true;
}
