namespace Praefect.Configuration.GitlabRb.Syntax;

/// <summary>
/// A piece of a string literal: decoded text, or an interpolation <c>#{...}</c> whose source
/// runs from <see cref="Start"/> to <see cref="EndOffset"/> (exclusive) and is parsed later.
/// </summary>
internal sealed record StringPart(string? Text, TextPosition Start, int EndOffset)
{
    public bool IsInterpolation => Text is null;
}
