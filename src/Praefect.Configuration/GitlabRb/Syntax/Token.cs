namespace Praefect.Configuration.GitlabRb.Syntax;

/// <summary>
/// One token. <see cref="Value"/> holds the decoded literal (string parts, long, double, word list).
/// <see cref="Depth"/> is the bracket nesting at the token, used to resynchronise after an error;
/// <see cref="SpaceBefore"/> tells <c>roles ['a']</c> (a call) from <c>praefect['a']</c> (an index).
/// </summary>
internal readonly record struct Token(TokenKind Kind, SourceSpan Span, string Text, object? Value, int Depth, bool SpaceBefore)
{
    public TextPosition Start => Span.Start;

    /// <summary>How the token reads in a message: <c>'praefect'</c>, <c>end of line</c>, <c>end of file</c>.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.EndOfFile => "end of file",
        TokenKind.Newline => "end of line",
        TokenKind.String => $"string {Shorten(Text)}",
        _ => $"'{Shorten(Text)}'",
    };

    private static string Shorten(string text) => text.Length <= 30 ? text : text[..27] + "...";
}
