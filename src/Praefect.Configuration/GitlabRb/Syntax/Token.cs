namespace Praefect.Configuration.GitlabRb.Syntax;

/// <summary>
/// One token. <see cref="Value"/> holds the decoded literal (string parts, long, double, word list).
/// <see cref="Depth"/> is the bracket nesting at the token, used to resynchronise after an error;
/// <see cref="SpaceBefore"/> tells <c>roles ['a']</c> (a call) from <c>praefect['a']</c> (an index).
/// </summary>
internal readonly record struct Token(TokenKind Kind, SourceSpan Span, string Text, object? Value, int Depth, bool SpaceBefore)
{
    public TextPosition Start => Span.Start;

    /// <summary>
    /// How the token reads in a message: <c>'praefect'</c>, <c>end of line</c>, <c>end of file</c>. A string
    /// literal is never quoted: where a syntax error stops, its key is not known, and it may be a
    /// secret (<c>praefect['auth_token'] 'SECRET'</c>); it reads as "string (6 characters)".
    /// </summary>
    public string Describe() => Kind switch
    {
        TokenKind.EndOfFile => "end of file",
        TokenKind.Newline => "end of line",
        TokenKind.String => DescribeString(),
        _ => $"'{Shorten(Text)}'",
    };

    private string DescribeString()
    {
        var length = Value is IReadOnlyList<StringPart> parts ? parts.Sum(p => p.Text?.Length ?? 0) : 0;
        var interpolated = Value is IReadOnlyList<StringPart> p2 && p2.Any(p => p.IsInterpolation);
        return interpolated ? "string (interpolated)" : $"string ({length} {(length == 1 ? "character" : "characters")})";
    }

    private static string Shorten(string text) => text.Length <= 30 ? text : text[..27] + "...";
}
