using System.Text;
using Praefect.Configuration.Diagnostics;

namespace Praefect.Configuration.GitlabRb.Syntax;

/// <summary>
/// Heredocs as string values: <c>&lt;&lt;~EOS</c> (squiggly: the common indentation removed),
/// <c>&lt;&lt;-EOS</c> (indented terminator), <c>&lt;&lt;EOS</c>; a quoted name <c>&lt;&lt;~'EOS'</c> reads the
/// body as is, otherwise escapes and <c>#{...}</c> work as in double quotes. The body starts on the
/// line after the heredoc and the rest of that line is lexed as usual; when the lexer reaches
/// that line's end it jumps past the terminator. An unterminated heredoc is one error and takes the
/// rest of the file, as in Ruby (never an error per line of its body).
/// </summary>
internal sealed partial class Lexer
{
    /// <summary>Where lexing goes on after the current line's end, when heredoc bodies follow it.</summary>
    private TextPosition? _afterHeredocs;

    /// <summary>At <c>&lt;&lt;</c> in a value position: lexes a heredoc and returns true, or returns false for a plain '&lt;&lt;'.</summary>
    private bool TryLexHeredoc()
    {
        var i = 2;
        var flavour = Peek(i) is '~' or '-' ? Peek(i++) : '\0';
        var quote = Peek(i) is '\'' or '"' ? Peek(i++) : '\0';
        var nameStart = i;
        while (IsIdentifierChar(Peek(i)))
        {
            i++;
        }

        if (i == nameStart || !IsIdentifierStart(Peek(nameStart)) || (quote != '\0' && Peek(i) != quote) || !InValuePosition())
        {
            return false;
        }

        var name = _text.Substring(_pos + nameStart, i - nameStart);
        var start = Here;
        for (var k = 0; k < i + (quote == '\0' ? 0 : 1); k++)
        {
            Advance();
        }

        var afterOpener = Here;
        var body = BodyStart();
        var (bodyEnd, resume, terminated) = FindTerminator(body, name, flavour != '\0');
        if (!terminated)
        {
            _bag.Error(start, DiagnosticCodes.UnterminatedString, $"unterminated heredoc: no line '{name}' ends it", $"add a line {name} after the text");
        }

        var indent = flavour == '~' ? CommonIndent(body.Offset, bodyEnd) : 0;
        var parts = ReadHeredocBody(body, bodyEnd, indent, interpolate: quote != '\'');
        _afterHeredocs = resume;
        Restore(afterOpener);
        Finish(TokenKind.String, start, parts);
        return true;
    }

    /// <summary>After '=', '=>', ',', '(', '[', '{', a label, '||', '+' or a call name: where a value starts.</summary>
    private bool InValuePosition() => _tokens.Count == 0 || _tokens[^1].Kind is TokenKind.Assign or TokenKind.Arrow
        or TokenKind.Comma or TokenKind.LeftParen or TokenKind.LeftBracket or TokenKind.LeftBrace or TokenKind.Label
        or TokenKind.OrOr or TokenKind.Plus or TokenKind.Identifier or TokenKind.Newline;

    /// <summary>The body starts after this line's end, or after the bodies of earlier heredocs on the line.</summary>
    private TextPosition BodyStart()
    {
        if (_afterHeredocs is { } after)
        {
            return after;
        }

        var saved = Here;
        while (!AtEnd && Peek() != '\n')
        {
            Advance();
        }

        if (!AtEnd)
        {
            Advance();
        }

        var body = Here;
        Restore(saved);
        return body;
    }

    private (int BodyEnd, TextPosition Resume, bool Terminated) FindTerminator(TextPosition body, string name, bool indented)
    {
        var saved = Here;
        Restore(body);
        while (!AtEnd)
        {
            var lineStart = _pos;
            while (!AtEnd && Peek() != '\n')
            {
                Advance();
            }

            var line = _text[lineStart.._pos].TrimEnd('\r');
            if (!AtEnd)
            {
                Advance();
            }

            if ((indented ? line.TrimStart(' ', '\t') : line) == name)
            {
                var resume = Here;
                Restore(saved);
                return (lineStart, resume, true);
            }
        }

        var end = Here;
        Restore(saved);
        return (end.Offset, end, false);
    }

    /// <summary>The smallest indentation of the body's non-blank lines (what <c>&lt;&lt;~</c> removes).</summary>
    private int CommonIndent(int start, int end)
    {
        var lines = _text[start..end].Split('\n');
        var indents = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart(' ', '\t').Length).ToList();
        return indents.Count == 0 ? 0 : indents.Min();
    }

    private List<StringPart> ReadHeredocBody(TextPosition body, int bodyEnd, int indent, bool interpolate)
    {
        var savedEnd = _end;
        Restore(body);
        _end = bodyEnd;
        var parts = new List<StringPart>();
        var text = new StringBuilder();
        var textStart = Here;
        var atLineStart = true;
        while (!AtEnd)
        {
            if (atLineStart)
            {
                for (var skipped = 0; skipped < indent && Peek() is ' ' or '\t'; skipped++)
                {
                    Advance();
                }

                atLineStart = false;
                continue;
            }

            var c = Peek();
            if (interpolate && c == '\\')
            {
                ReadEscape(text);
            }
            else if (interpolate && c == '#' && Peek(1) == '{')
            {
                if (ReadInterpolation(parts, text, textStart) is { } unclosed)
                {
                    _bag.Error(unclosed, DiagnosticCodes.UnterminatedString, "'#{' in the heredoc is never closed", "add '}' after the interpolated ENV value");
                }

                textStart = Here;
            }
            else
            {
                if (c != '\r' || Peek(1) != '\n')
                {
                    text.Append(c);
                }

                atLineStart = c == '\n';
                Advance();
            }
        }

        if (text.Length > 0 || parts.Count == 0)
        {
            parts.Add(new StringPart(text.ToString(), textStart, _pos));
        }

        _end = savedEnd;
        return parts;
    }
}
