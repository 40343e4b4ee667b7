namespace Praefect.Configuration.GitlabRb.Syntax;

/// <summary>The words of <c>%w(...)</c> (strings) or <c>%i(...)</c> (symbols), with their spans.</summary>
internal sealed record WordList(bool Symbols, IReadOnlyList<(string Word, SourceSpan Span)> Words);
