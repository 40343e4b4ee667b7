using Praefect.Configuration.Diagnostics;
using Praefect.Configuration.GitlabRb.Values;

namespace Praefect.Configuration.GitlabRb.Syntax;

/// <summary>
/// Recursive-descent parser for the gitlab.rb literal subset; one <c>ParseX</c> per grammar rule.
/// Never throws on user input: an error is reported, then either the construct is skipped in place
/// (unknown constant, missing comma) or the parser "panics" and resynchronises at the end of the
/// statement. Nesting is capped at <see cref="MaxDepth"/>.
/// <code>
/// program    := (statement (NEWLINE | ';'))*
/// statement  := NAME ('[' expr ']')+ '=' expr  |  NAME args?  |  NAME '(' args ')'
/// expr       := sum ('||' sum)*
/// sum        := product (('+' | '-') product)*
/// product    := power (('*' | '/' | '%') power)*
/// power      := unary ('**' unary)*
/// unary      := ('-' | '+')* postfix
/// postfix    := primary        (a '.method' or '[...]' after a value is an error)
/// primary    := literal | array | hash | '(' expr ')' | ENV '[' expr ']' | ENV '.fetch' '(' args ')'
/// </code>
/// </summary>
internal sealed partial class Parser
{
    public const int MaxDepth = 64;

    private readonly List<Token> _tokens;
    private readonly string _text;
    private readonly DiagnosticBag _bag;
    private readonly Func<string, string?> _environment;
    private readonly GitlabRbDocument _document;
    private int _index;
    private int _depth;
    private bool _panic;
    private int _statementDepth;

    /// <summary>True while parsing a value under a secret key (token, password, ...): messages describe, never quote, what they read.</summary>
    private bool _inSecret;

    private Parser(List<Token> tokens, string text, DiagnosticBag bag, Func<string, string?> environment, GitlabRbDocument document, int depth)
    {
        _tokens = tokens;
        _text = text;
        _bag = bag;
        _environment = environment;
        _document = document;
        _depth = depth;
    }

    public static GitlabRbDocument Parse(string text, DiagnosticBag bag, Func<string, string?> environment)
    {
        var document = new GitlabRbDocument();
        var tokens = new Lexer(text, bag).Lex();
        new Parser(tokens, text, bag, environment, document, 0).ParseProgram();
        return document;
    }

    private Token Current => _tokens[_index];

    private Token Previous => _tokens[Math.Max(0, _index - 1)];

    private Token Next => _tokens[Math.Min(_index + 1, _tokens.Count - 1)];

    private bool At(TokenKind kind) => Current.Kind == kind;

    private Token Eat()
    {
        var token = Current;
        if (token.Kind != TokenKind.EndOfFile)
        {
            _index++;
        }

        return token;
    }

    private SourceSpan SpanFrom(Token first) => new(first.Start, Previous.Span.End);

    private void SkipNewlines()
    {
        while (At(TokenKind.Newline))
        {
            Eat();
        }
    }

    private void ParseProgram()
    {
        while (!At(TokenKind.EndOfFile))
        {
            if (At(TokenKind.Newline) || At(TokenKind.Semicolon))
            {
                Eat();
                continue;
            }

            var startIndex = _index;
            _statementDepth = Current.Depth;
            _panic = false;
            ParseStatement();
            if (!_panic && !AtStatementEnd())
            {
                Error(Current, DiagnosticCodes.Syntax, $"unexpected {Current.Describe()} after the end of the statement", "put each setting on its own line, or separate settings with ';'");
                _panic = true;
            }

            if (_panic)
            {
                Synchronize();
            }

            if (_index == startIndex)
            {
                Eat();
            }
        }
    }

    private bool AtStatementEnd() =>
        Current.Kind is TokenKind.Newline or TokenKind.Semicolon or TokenKind.EndOfFile || Previous.Kind == TokenKind.Newline;

    /// <summary>True at a name in column 1 on a new line: a new statement, so whatever was open is unterminated.</summary>
    private bool AtStatementStart() =>
        Current.Kind == TokenKind.Identifier && Current.Start.Column == 1 && _index > 0 && Previous.Kind == TokenKind.Newline;

    /// <summary>Skips to the end of the broken statement: a line end at its nesting level, or the next statement.</summary>
    private void Synchronize()
    {
        while (!At(TokenKind.EndOfFile))
        {
            if ((At(TokenKind.Newline) || At(TokenKind.Semicolon)) && Current.Depth <= _statementDepth)
            {
                return;
            }

            if (AtStatementStart())
            {
                return;
            }

            if (Current.Kind == TokenKind.Identifier && Current.Text == "do")
            {
                // '... .each do |x|' opens a block whose 'end' belongs to this one error.
                _openBlocks++;
            }

            Eat();
        }
    }

    /// <summary>Skips a balanced (...) / [...] / {...} group, e.g. the arguments of an unsupported call.</summary>
    private void SkipGroup()
    {
        if (Current.Kind is not (TokenKind.LeftParen or TokenKind.LeftBracket or TokenKind.LeftBrace))
        {
            return;
        }

        var depth = Current.Depth;
        Eat();
        while (!At(TokenKind.EndOfFile) && !AtStatementStart())
        {
            var token = Eat();
            if (token.Kind is TokenKind.RightParen or TokenKind.RightBracket or TokenKind.RightBrace && token.Depth <= depth)
            {
                return;
            }
        }
    }

    private void Error(Token at, string code, string message, string? hint = null) =>
        _bag.Error(at.Start, code, message, hint);

    private RbError Panic(Token at, string code, string message, string? hint = null)
    {
        if (!_panic)
        {
            Error(at, code, message, hint);
            _panic = true;
        }

        return new RbError(at.Span);
    }

    private static bool CanStartValue(Token token) => token.Kind is TokenKind.String or TokenKind.Integer
        or TokenKind.Float or TokenKind.Symbol or TokenKind.True or TokenKind.False or TokenKind.Nil
        or TokenKind.WordList or TokenKind.LeftBracket or TokenKind.LeftBrace or TokenKind.LeftParen
        or TokenKind.Constant or TokenKind.Identifier or TokenKind.Minus or TokenKind.Ellipsis;
}
