namespace Praefect.Configuration.GitlabRb.Syntax;

/// <summary>The source range of a token or value, end exclusive.</summary>
internal readonly record struct SourceSpan(TextPosition Start, TextPosition End);
