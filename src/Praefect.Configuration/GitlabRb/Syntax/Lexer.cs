using System.Globalization;
using System.Text;
using Praefect.Configuration.Diagnostics;

namespace Praefect.Configuration.GitlabRb.Syntax;

/// <summary>
/// Turns gitlab.rb text into tokens with source spans. Never throws: a lexical problem becomes a
/// diagnostic and lexing goes on (an unterminated string ends at the end of its first line so the
/// rest of the file is still read). Runs over a slice of the text so interpolations lex in place.
/// </summary>
internal sealed partial class Lexer
{
    private readonly string _text;
    private int _end;
    private readonly DiagnosticBag _bag;
    private readonly List<Token> _tokens = [];
    private int _pos;
    private int _line;
    private int _column;
    private int _depth;
    private bool _spaceBefore;

    public Lexer(string text, DiagnosticBag bag)
        : this(text, 0, text.Length, TextPosition.Start, bag)
    {
    }

    public Lexer(string text, int start, int end, TextPosition startPosition, DiagnosticBag bag)
    {
        _text = text;
        _pos = start;
        _end = end;
        _line = startPosition.Line;
        _column = startPosition.Column;
        _bag = bag;
    }

    private TextPosition Here => new(_pos, _line, _column);

    private char Peek(int ahead = 0) => _pos + ahead < _end ? _text[_pos + ahead] : '\0';

    private bool AtEnd => _pos >= _end;

    public List<Token> Lex()
    {
        while (true)
        {
            SkipSpaceAndComments();
            if (AtEnd)
            {
                _tokens.Add(new Token(TokenKind.EndOfFile, new SourceSpan(Here, Here), "", null, 0, _spaceBefore));
                return _tokens;
            }

            LexToken();
            _spaceBefore = false;
        }
    }

    private void Advance()
    {
        if (_text[_pos] == '\n')
        {
            _line++;
            _column = 1;
        }
        else
        {
            _column++;
        }

        _pos++;
    }

    private void Restore(TextPosition position)
    {
        _pos = position.Offset;
        _line = position.Line;
        _column = position.Column;
    }

    private void SkipSpaceAndComments()
    {
        while (!AtEnd)
        {
            var c = Peek();
            if (c is ' ' or '\t' or '\r' or '\f' or '\v')
            {
                Advance();
            }
            else if (c == '\\' && (Peek(1) == '\n' || (Peek(1) == '\r' && Peek(2) == '\n')))
            {
                while (Peek() != '\n')
                {
                    Advance();
                }

                Advance();
            }
            else if (c == '#')
            {
                SkipToLineEnd();
            }
            else if (c == '=' && _column == 1 && IsWordAt("=begin"))
            {
                SkipBlockComment();
            }
            else
            {
                return;
            }

            _spaceBefore = true;
        }
    }

    private bool IsWordAt(string word) =>
        string.CompareOrdinal(_text, _pos, word, 0, word.Length) == 0 && _pos + word.Length <= _end
        && !IsIdentifierChar(Peek(word.Length));

    private void SkipToLineEnd()
    {
        while (!AtEnd && Peek() != '\n')
        {
            Advance();
        }
    }

    private void SkipBlockComment()
    {
        var start = Here;
        while (!AtEnd)
        {
            SkipToLineEnd();
            if (AtEnd)
            {
                break;
            }

            Advance();
            if (IsWordAt("=end"))
            {
                SkipToLineEnd();
                return;
            }
        }

        _bag.Error(start, DiagnosticCodes.Syntax, "'=begin' comment is never closed", "add a line '=end' where the comment ends");
    }

    private void LexToken()
    {
        var c = Peek();
        switch (c)
        {
            case '\n':
                LexNewline();
                return;
            case '\'':
                LexSingleQuoted(TokenKind.String);
                return;
            case '"':
                LexDoubleQuoted(TokenKind.String);
                return;
            case ':':
                LexColon();
                return;
            case '%' when Peek(1) is 'w' or 'W' or 'i' or 'I' && IsWordListDelimiter(Peek(2)):
                LexWordList();
                return;
            case '<' when Peek(1) == '<' && TryLexHeredoc():
                return;
        }

        if (char.IsAsciiDigit(c))
        {
            LexNumber();
        }
        else if (IsIdentifierStart(c))
        {
            LexIdentifier();
        }
        else
        {
            LexOperator();
        }
    }

    private void LexNewline()
    {
        var start = Here;
        Advance();
        if (_tokens.Count == 0 || _tokens[^1].Kind != TokenKind.Newline)
        {
            Add(TokenKind.Newline, start, null);
        }

        if (_afterHeredocs is { } after)
        {
            // The heredoc bodies of the line just ended: their text is already in the string tokens.
            _afterHeredocs = null;
            Restore(after);
        }
    }

    private void LexColon()
    {
        var start = Here;
        if (Peek(1) == ':')
        {
            Advance();
            Advance();
            Add(TokenKind.ColonColon, start, null);
        }
        else if (Peek(1) is '\'' or '"')
        {
            Advance();
            if (Peek() == '\'')
            {
                LexSingleQuoted(TokenKind.Symbol, start);
            }
            else
            {
                LexDoubleQuoted(TokenKind.Symbol, start);
            }
        }
        else if (IsIdentifierStart(Peek(1)))
        {
            Advance();
            var nameStart = _pos;
            ReadIdentifierChars();
            Add(TokenKind.Symbol, start, _text[nameStart.._pos]);
        }
        else
        {
            Advance();
            Add(TokenKind.Colon, start, null);
        }
    }

    private void LexIdentifier()
    {
        var start = Here;
        ReadIdentifierChars();
        var name = _text[start.Offset.._pos];
        if (Peek() == ':' && Peek(1) != ':')
        {
            Advance();
            Add(TokenKind.Label, start, name);
            return;
        }

        var kind = name switch
        {
            "true" => TokenKind.True,
            "false" => TokenKind.False,
            "nil" => TokenKind.Nil,
            _ => char.IsAsciiLetterUpper(name[0]) ? TokenKind.Constant : TokenKind.Identifier,
        };
        Add(kind, start, null);
    }

    private void ReadIdentifierChars()
    {
        while (IsIdentifierChar(Peek()))
        {
            Advance();
        }

        if (Peek() is '?' or '!' && Peek(1) != '=')
        {
            Advance();
        }
    }

    private void LexOperator()
    {
        var start = Here;
        var c = Peek();
        var next = Peek(1);
        var (kind, length) = c switch
        {
            ';' => (TokenKind.Semicolon, 1),
            '(' => (TokenKind.LeftParen, 1),
            ')' => (TokenKind.RightParen, 1),
            '[' => (TokenKind.LeftBracket, 1),
            ']' => (TokenKind.RightBracket, 1),
            '{' => (TokenKind.LeftBrace, 1),
            '}' => (TokenKind.RightBrace, 1),
            ',' => (TokenKind.Comma, 1),
            '.' when next == '.' && Peek(2) == '.' => (TokenKind.Ellipsis, 3),
            '.' when next == '.' => (TokenKind.DotDot, 2),
            '.' => (TokenKind.Dot, 1),
            '=' when next == '>' => (TokenKind.Arrow, 2),
            '=' when next is '=' or '~' => (TokenKind.Other, 2),
            '=' => (TokenKind.Assign, 1),
            '|' when next == '|' && Peek(2) == '=' => (TokenKind.Other, 3),
            '|' when next == '|' => (TokenKind.OrOr, 2),
            '*' when next == '*' => (TokenKind.StarStar, 2),
            '<' when next == '<' => (TokenKind.ShiftLeft, 2),
            '&' when next == '&' => (TokenKind.Other, 2),
            '+' or '-' or '*' or '/' or '%' when next == '=' => (TokenKind.Other, 2),
            '*' => (TokenKind.Star, 1),
            '+' => (TokenKind.Plus, 1),
            '-' => (TokenKind.Minus, 1),
            '/' => (TokenKind.Slash, 1),
            '%' => (TokenKind.Percent, 1),
            _ => (TokenKind.Other, char.IsSurrogate(c) && char.IsSurrogate(next) ? 2 : 1),
        };
        for (var i = 0; i < length; i++)
        {
            Advance();
        }

        if (kind is TokenKind.RightParen or TokenKind.RightBracket or TokenKind.RightBrace && _depth > 0)
        {
            _depth--;
        }

        Add(kind, start, null);
        if (kind is TokenKind.LeftParen or TokenKind.LeftBracket or TokenKind.LeftBrace)
        {
            _depth++;
        }
    }

    private void Add(TokenKind kind, TextPosition start, object? value)
    {
        var text = _text[start.Offset.._pos];
        _tokens.Add(new Token(kind, new SourceSpan(start, Here), text, value, _depth, _spaceBefore));
    }

    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static bool IsIdentifierChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static bool IsWordListDelimiter(char c) => c is '(' or '[' or '{' or '<' or '|' or '!' or '/';

    private static string Printable(char c) =>
        char.IsControl(c) ? $"U+{(int)c:X4}" : c.ToString(CultureInfo.InvariantCulture);

    private static void AppendCodePoint(StringBuilder builder, int codePoint)
    {
        if (codePoint is >= 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF))
        {
            builder.Append(char.ConvertFromUtf32(codePoint));
        }
    }
}
