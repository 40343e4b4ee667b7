using System.Text;
using Praefect.Configuration.Diagnostics;

namespace Praefect.Configuration.GitlabRb.Syntax;

/// <summary>String and symbol literals: Ruby's single- and double-quoted rules, <c>#{...}</c> parts.</summary>
internal sealed partial class Lexer
{
    private void LexSingleQuoted(TokenKind kind, TextPosition? tokenStart = null)
    {
        var start = tokenStart ?? Here;
        var quote = Here;
        Advance();
        var text = new StringBuilder();
        TextPosition? firstNewline = null;
        var lengthAtNewline = 0;
        while (true)
        {
            if (AtEnd)
            {
                ReportUnterminated(quote, '\'', firstNewline);
                text.Length = firstNewline is null ? text.Length : lengthAtNewline;
                break;
            }

            var c = Peek();
            if (c == '\'')
            {
                Advance();
                if (ClosedByAnotherString(quote, '\'', firstNewline))
                {
                    text.Length = lengthAtNewline;
                }

                break;
            }

            if (c == '\n' && firstNewline is null)
            {
                firstNewline = Here;
                lengthAtNewline = text.Length;
            }

            if (c == '\\' && Peek(1) is '\\' or '\'')
            {
                Advance();
                c = Peek();
            }

            text.Append(c);
            Advance();
        }

        Finish(kind, start, [new StringPart(text.ToString(), quote, _pos)]);
    }

    private void LexDoubleQuoted(TokenKind kind, TextPosition? tokenStart = null)
    {
        var start = tokenStart ?? Here;
        var quote = Here;
        Advance();
        var parts = new List<StringPart>();
        var text = new StringBuilder();
        var textStart = Here;
        TextPosition? firstNewline = null;
        var (partsAtNewline, lengthAtNewline) = (0, 0);
        while (true)
        {
            if (AtEnd)
            {
                ReportUnterminated(quote, '"', firstNewline);
                if (firstNewline is not null)
                {
                    parts.RemoveRange(partsAtNewline, parts.Count - partsAtNewline);
                    text.Length = lengthAtNewline;
                }

                break;
            }

            var c = Peek();
            if (c == '"')
            {
                Advance();
                if (ClosedByAnotherString(quote, '"', firstNewline))
                {
                    parts.RemoveRange(partsAtNewline, parts.Count - partsAtNewline);
                    text.Length = lengthAtNewline;
                }

                break;
            }

            if (c == '\n' && firstNewline is null)
            {
                firstNewline = Here;
                (partsAtNewline, lengthAtNewline) = (parts.Count, text.Length);
            }

            if (c == '\\')
            {
                ReadEscape(text);
            }
            else if (c == '#' && Peek(1) == '{')
            {
                if (ReadInterpolation(parts, text, textStart) is null)
                {
                    textStart = Here;
                }
            }
            else
            {
                text.Append(c);
                Advance();
            }
        }

        if (text.Length > 0 || parts.Count == 0)
        {
            parts.Add(new StringPart(text.ToString(), textStart, _pos));
        }

        Finish(kind, start, parts);
    }

    private void Finish(TokenKind kind, TextPosition start, List<StringPart> parts)
    {
        var plain = parts.TrueForAll(p => !p.IsInterpolation);
        if (kind == TokenKind.Symbol)
        {
            if (!plain)
            {
                _bag.Error(start, DiagnosticCodes.UnsupportedInterpolation, "interpolation in a symbol is not supported", "write the symbol as a plain string");
            }

            Add(kind, start, string.Concat(parts.Select(p => p.Text)));
        }
        else if (plain && Peek() == ':' && Peek(1) != ':')
        {
            Advance();
            Add(TokenKind.Label, start, string.Concat(parts.Select(p => p.Text)));
        }
        else
        {
            Add(kind, start, parts);
        }
    }

    private void ReportUnterminated(TextPosition quote, char quoteChar, TextPosition? firstNewline)
    {
        _bag.Error(quote, DiagnosticCodes.UnterminatedString, "unterminated string: the quote is never closed", $"add the closing {quoteChar}");
        if (firstNewline is { } resume)
        {
            // Resume at the end of the string's first line so the rest of the file is still read.
            Restore(resume);
        }
    }

    /// <summary>
    /// A string that ran over a line end and "closes" right before a name (<c>'abc</c> ... <c>['a']</c>)
    /// is almost surely unterminated: its closing quote is the opening quote of a later string.
    /// Reports it and resumes at the end of its first line.
    /// </summary>
    private bool ClosedByAnotherString(TextPosition quote, char quoteChar, TextPosition? firstNewline)
    {
        if (firstNewline is null || !IsIdentifierChar(Peek()))
        {
            return false;
        }

        ReportUnterminated(quote, quoteChar, firstNewline);
        return true;
    }

    /// <summary>
    /// At <c>#{</c>: ends the text part before it and adds the interpolation part. Returns null when
    /// the '}' was found (lexing goes on after it), else where the unclosed expression starts.
    /// </summary>
    private TextPosition? ReadInterpolation(List<StringPart> parts, StringBuilder text, TextPosition textStart)
    {
        if (text.Length > 0)
        {
            parts.Add(new StringPart(text.ToString(), textStart, _pos));
            text.Clear();
        }

        Advance();
        Advance();
        var expressionStart = Here;
        if (!SkipInterpolation())
        {
            return expressionStart;
        }

        parts.Add(new StringPart(null, expressionStart, _pos));
        Advance();
        return null;
    }

    /// <summary>Moves to the '}' that closes an interpolation; false when the text ends first.</summary>
    private bool SkipInterpolation()
    {
        var depth = 0;
        while (!AtEnd)
        {
            var c = Peek();
            if (c == '}')
            {
                if (depth == 0)
                {
                    return true;
                }

                depth--;
            }
            else if (c == '{')
            {
                depth++;
            }
            else if (c is '\'' or '"')
            {
                Advance();
                while (!AtEnd && Peek() != c)
                {
                    if (Peek() == '\\' && _pos + 1 < _end)
                    {
                        Advance();
                    }

                    Advance();
                }

                if (AtEnd)
                {
                    return false;
                }
            }

            Advance();
        }

        return false;
    }

    private void ReadEscape(StringBuilder text)
    {
        var at = Here;
        Advance();
        if (AtEnd)
        {
            return;
        }

        var c = Peek();
        Advance();
        switch (c)
        {
            case 'n': text.Append('\n'); break;
            case 't': text.Append('\t'); break;
            case 'r': text.Append('\r'); break;
            case 's': text.Append(' '); break;
            case 'e': text.Append('\x1b'); break;
            case 'a': text.Append('\a'); break;
            case 'b': text.Append('\b'); break;
            case 'f': text.Append('\f'); break;
            case 'v': text.Append('\v'); break;
            case '\n': break;
            case >= '0' and <= '7': text.Append((char)ReadDigits(c - '0', 8, 2)); break;
            case 'x': ReadHexEscape(text, at); break;
            case 'u': ReadUnicodeEscape(text, at); break;
            default: text.Append(c); break;
        }
    }

    private int ReadDigits(int value, int radix, int maxDigits)
    {
        for (var i = 0; i < maxDigits && DigitValue(Peek(), radix) is var digit && digit >= 0; i++)
        {
            value = (value * radix) + digit;
            Advance();
        }

        return value;
    }

    private void ReadHexEscape(StringBuilder text, TextPosition at)
    {
        if (DigitValue(Peek(), 16) < 0)
        {
            _bag.Error(at, DiagnosticCodes.InvalidEscape, "invalid escape '\\x': expected a hex digit", "write \\x41 (one or two hex digits), or \\\\x for a backslash");
            return;
        }

        text.Append((char)ReadDigits(0, 16, 2));
    }

    private void ReadUnicodeEscape(StringBuilder text, TextPosition at)
    {
        if (Peek() == '{')
        {
            Advance();
            while (true)
            {
                while (Peek() == ' ')
                {
                    Advance();
                }

                if (Peek() == '}')
                {
                    Advance();
                    return;
                }

                var first = _pos;
                var value = ReadDigits(0, 16, 6);
                if (_pos == first)
                {
                    ReportBadUnicode(at);
                    return;
                }

                AppendCodePoint(text, value);
            }
        }

        var start = _pos;
        var code = ReadDigits(0, 16, 4);
        if (_pos - start != 4)
        {
            ReportBadUnicode(at);
            return;
        }

        text.Append((char)code);
    }

    private void ReportBadUnicode(TextPosition at) =>
        _bag.Error(at, DiagnosticCodes.InvalidEscape, "invalid escape '\\u': expected four hex digits or {...}", "write \\u00e9 or \\u{e9}");

    private static int DigitValue(char c, int radix)
    {
        var value = c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'a' and <= 'f' => c - 'a' + 10,
            >= 'A' and <= 'F' => c - 'A' + 10,
            _ => -1,
        };
        return value < radix ? value : -1;
    }
}
