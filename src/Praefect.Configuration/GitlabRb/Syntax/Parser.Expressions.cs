using Praefect.Configuration.Diagnostics;
using Praefect.Configuration.GitlabRb.Values;

namespace Praefect.Configuration.GitlabRb.Syntax;

/// <summary>Values: operators, literals, arrays and hashes.</summary>
internal sealed partial class Parser
{
    private RbValue ParseExpression()
    {
        if (_depth >= MaxDepth)
        {
            return Panic(Current, DiagnosticCodes.NestingTooDeep, $"nesting is deeper than {MaxDepth} levels", "flatten the value; no gitlab.rb setting needs this much nesting");
        }

        _depth++;
        try
        {
            return ParseOr();
        }
        finally
        {
            _depth--;
        }
    }

    private RbValue ParseOr()
    {
        var left = ParseSum();
        while (!_panic && At(TokenKind.OrOr))
        {
            Eat();
            SkipNewlines();
            var right = ParseSum();
            left = left is RbError || right is RbError ? new RbError(new SourceSpan(left.Span.Start, right.Span.End))
                : left.IsTruthy ? left : right;
        }

        return left;
    }

    private RbValue ParseSum()
    {
        var left = ParseProduct();
        while (!_panic && Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Eat();
            SkipNewlines();
            left = Arithmetic.Apply(op, left, ParseProduct(), _bag);
        }

        return left;
    }

    private RbValue ParseProduct()
    {
        var left = ParsePower();
        while (!_panic && Current.Kind is TokenKind.Star or TokenKind.Slash or TokenKind.Percent)
        {
            var op = Eat();
            SkipNewlines();
            left = Arithmetic.Apply(op, left, ParsePower(), _bag);
        }

        return left;
    }

    /// <summary><c>a ** b ** c</c> is right-associative; folded without recursion.</summary>
    private RbValue ParsePower()
    {
        var operands = new List<RbValue> { ParseUnary() };
        var operators = new List<Token>();
        while (!_panic && At(TokenKind.StarStar))
        {
            operators.Add(Eat());
            SkipNewlines();
            operands.Add(ParseUnary());
        }

        var result = operands[^1];
        for (var i = operators.Count - 1; i >= 0; i--)
        {
            result = Arithmetic.Apply(operators[i], operands[i], result, _bag);
        }

        return result;
    }

    private RbValue ParseUnary()
    {
        var signs = new List<Token>();
        while (Current.Kind is TokenKind.Minus or TokenKind.Plus)
        {
            signs.Add(Eat());
        }

        var value = ParsePostfix();
        for (var i = signs.Count - 1; i >= 0; i--)
        {
            if (signs[i].Kind == TokenKind.Minus)
            {
                value = Arithmetic.Negate(signs[i], value, _bag);
            }
        }

        return value;
    }

    private RbValue ParsePostfix()
    {
        var value = ParsePrimary();
        if (_panic)
        {
            return value;
        }

        if (At(TokenKind.Dot))
        {
            var method = Next;
            Error(method.Kind == TokenKind.Identifier ? method : Current, DiagnosticCodes.UnknownMethod, $"method call '.{method.Text}' on a value is not supported", "gitlab.rb is read as data: write the final value, such as '8075' or 8075");
            SkipCallChain();
            return new RbError(value.Span);
        }

        if (At(TokenKind.LeftBracket) && !Current.SpaceBefore)
        {
            Error(Current, DiagnosticCodes.UnsupportedRuby, "indexing a value with [...] is not supported", "write the element itself");
            SkipGroup();
            return new RbError(value.Span);
        }

        return value;
    }

    /// <summary>Skips <c>.name(args)</c> links and <c>::Name</c> after an unsupported construct.</summary>
    private void SkipCallChain()
    {
        while (Current.Kind is TokenKind.Dot or TokenKind.ColonColon)
        {
            Eat();
            if (Current.Kind is TokenKind.Identifier or TokenKind.Constant)
            {
                Eat();
            }

            if (At(TokenKind.LeftParen) && !Current.SpaceBefore)
            {
                SkipGroup();
            }
        }
    }

    private RbValue ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.String:
                Eat();
                return ParseAdjacentStrings(ParseStringValue(token), token);
            case TokenKind.Integer:
                Eat();
                return new RbInteger((long)token.Value!, token.Span);
            case TokenKind.Float:
                Eat();
                return new RbFloat((double)token.Value!, token.Span);
            case TokenKind.True or TokenKind.False:
                Eat();
                return new RbBool(token.Kind == TokenKind.True, token.Span);
            case TokenKind.Nil:
                Eat();
                return new RbNil(token.Span);
            case TokenKind.Symbol:
                Eat();
                return new RbSymbol((string)token.Value!, token.Span);
            case TokenKind.WordList:
                Eat();
                return WordListValue(token);
            case TokenKind.LeftBracket:
                return ParseArray();
            case TokenKind.LeftBrace:
                return ParseHash();
            case TokenKind.LeftParen:
                return ParseParenthesised();
            case TokenKind.Constant when token.Text == "ENV":
                return ParseEnv();
            case TokenKind.Constant:
                return ReportUnknownConstant();
            case TokenKind.Identifier:
                return ReportUnknownIdentifier();
            case TokenKind.Ellipsis:
                Eat();
                Error(token, DiagnosticCodes.Placeholder, "'...' is a placeholder from the documentation, not a value", "replace it with the real value");
                return new RbError(token.Span);
            case TokenKind.Label when _inSecret:
                return Panic(token, DiagnosticCodes.Syntax, "unexpected label (a name followed by ':') outside a hash, where a secret goes", "quote the secret: 'value'");
            case TokenKind.Label:
                return Panic(token, DiagnosticCodes.Syntax, $"unexpected '{token.Text}' outside a hash", $"write {{ {token.Text} value }} or '{token.Value}' => value inside braces");
            case TokenKind.ShiftLeft:
                return Panic(token, DiagnosticCodes.UnsupportedRuby, "heredocs (<<) are not supported", "write the text as a quoted string, with \\n for line breaks");
            default:
                return Panic(token, DiagnosticCodes.Syntax, $"expected a value, found {token.Describe()}", ValueHint(token));
        }
    }

    /// <summary>Ruby joins string literals written side by side: <c>'a' "b"</c> is "ab" (also across a <c>\</c> line end).</summary>
    private RbValue ParseAdjacentStrings(RbValue first, Token firstToken)
    {
        var value = first;
        while (At(TokenKind.String) && Next.Kind != TokenKind.Arrow)
        {
            var next = Eat();
            var piece = ParseStringValue(next);
            value = value is RbString a && piece is RbString b
                ? new RbString(a.Value + b.Value, new SourceSpan(firstToken.Start, next.Span.End))
                : new RbError(new SourceSpan(firstToken.Start, next.Span.End));
        }

        return value;
    }

    private static string ValueHint(Token token) => token.Kind switch
    {
        TokenKind.Newline or TokenKind.EndOfFile => "write the value on the same line, such as 'text', 123, true or [...]",
        TokenKind.Comma => "remove the extra ','",
        _ => "a value is 'text', \"text\", 123, true, false, nil, :symbol, [...], {...} or ENV['NAME']",
    };

    private static RbArray WordListValue(Token token)
    {
        var list = (WordList)token.Value!;
        var items = list.Words.Select(w => list.Symbols ? (RbValue)new RbSymbol(w.Word, w.Span) : new RbString(w.Word, w.Span)).ToList();
        return new RbArray(items, token.Span);
    }

    private RbValue ParseParenthesised()
    {
        var open = Eat();
        SkipNewlines();
        var value = ParseExpression();
        if (_panic)
        {
            return value;
        }

        SkipNewlines();
        if (At(TokenKind.RightParen))
        {
            Eat();
            return value;
        }

        if (At(TokenKind.EndOfFile) || AtStatementStart())
        {
            ReportUnterminated(open, DiagnosticCodes.UnterminatedParenthesis, "parenthesis", ')');
            _panic = true;
            return new RbError(open.Span);
        }

        return Panic(Current, DiagnosticCodes.Syntax, $"expected ')' to close the '(' at {open.Start}, found {Current.Describe()}", "add ')'");
    }

    private RbError ReportUnknownConstant()
    {
        var token = Eat();
        if (_inSecret && !LooksLikeEnvName(token.Text))
        {
            Error(token, DiagnosticCodes.UnknownConstant, $"unknown constant ({token.Text.Length} characters) where a secret goes", "quote the secret: 'value', or read it from the environment with ENV['NAME']");
        }
        else
        {
            Error(token, DiagnosticCodes.UnknownConstant, $"unknown constant '{token.Text}'", $"write the value as a string, or read it from the environment with ENV['{token.Text}']");
        }

        SkipCallChain();
        if (At(TokenKind.LeftParen) && !Current.SpaceBefore)
        {
            SkipGroup();
        }

        return new RbError(SpanFrom(token));
    }

    /// <summary><c>PRAEFECT_SQL_PASSWORD</c>: capitals with '_', the name of an environment variable rather than a secret itself.</summary>
    private static bool LooksLikeEnvName(string text) =>
        text.Contains('_', StringComparison.Ordinal) && text.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_');

    private RbError ReportUnknownIdentifier()
    {
        var token = Eat();
        if (_inSecret)
        {
            Error(token, DiagnosticCodes.UnknownMethod, $"unknown method or variable ({token.Text.Length} characters) where a secret goes", "gitlab.rb is read as data; quote the secret: 'value'");
        }
        else
        {
            Error(token, DiagnosticCodes.UnknownMethod, $"unknown method or variable '{token.Text}'", $"gitlab.rb is read as data; if this is text, quote it: '{token.Text}'");
        }

        if (At(TokenKind.LeftParen) && !Current.SpaceBefore)
        {
            SkipGroup();
        }

        SkipCallChain();
        return new RbError(SpanFrom(token));
    }

    private RbValue ParseArray()
    {
        var open = Eat();
        var items = new List<RbValue>();
        while (true)
        {
            SkipNewlines();
            if (At(TokenKind.RightBracket))
            {
                Eat();
                break;
            }

            if (At(TokenKind.EndOfFile) || AtStatementStart())
            {
                ReportUnterminated(open, DiagnosticCodes.UnterminatedArray, "array", ']');
                break;
            }

            items.Add(ParseExpression());
            if (_panic || !AfterElement(open, TokenKind.RightBracket, DiagnosticCodes.UnterminatedArray, "array", "array elements", canStartNext: CanStartValue))
            {
                break;
            }
        }

        return new RbArray(items, SpanFrom(open));
    }

    private RbValue ParseHash()
    {
        var open = Eat();
        var entries = new List<(RbValue Key, RbValue Value)>();
        while (true)
        {
            SkipNewlines();
            if (At(TokenKind.RightBrace))
            {
                Eat();
                break;
            }

            if (At(TokenKind.EndOfFile) || AtStatementStart())
            {
                ReportUnterminated(open, DiagnosticCodes.UnterminatedHash, "hash", '}');
                break;
            }

            if (At(TokenKind.Label))
            {
                entries.Add(ParseLabelEntry());
            }
            else
            {
                var key = ParseExpression();
                if (_panic)
                {
                    break;
                }

                if (!At(TokenKind.Arrow))
                {
                    Panic(Current, DiagnosticCodes.Syntax, $"expected '=>' after the hash key, found {Current.Describe()}", "write 'key' => value");
                    break;
                }

                Eat();
                SkipNewlines();
                entries.Add((key, ParseSecretAware(RbHash.KeyName(key))));
            }

            if (_panic || !AfterElement(open, TokenKind.RightBrace, DiagnosticCodes.UnterminatedHash, "hash", "hash entries", canStartNext: t => CanStartValue(t) || t.Kind == TokenKind.Label))
            {
                break;
            }
        }

        return HashLiteral(SpanFrom(open), entries);
    }

    /// <summary>Builds a hash literal; a key given twice is an error (Ruby would keep the last one without a word).</summary>
    private RbHash HashLiteral(SourceSpan span, List<(RbValue Key, RbValue Value)> entries)
    {
        var hash = new RbHash(span);
        var seen = new Dictionary<string, RbValue>(StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            if (RbHash.KeyName(key) is { } name && !seen.TryAdd(name, key))
            {
                _bag.Error(key.Span.Start, DiagnosticCodes.DuplicateKey, $"the key '{name}' is given twice in this hash (first at {seen[name].Span.Start})", "remove one of them; Ruby would silently keep the last");
            }

            hash.Add(key, value);
        }

        return hash;
    }

    private (RbValue Key, RbValue Value) ParseLabelEntry()
    {
        var label = Eat();
        SkipNewlines();
        var name = (string)label.Value!;
        return (new RbSymbol(name, label.Span), ParseSecretAware(name));
    }

    /// <summary>Parses a value that sits under <paramref name="key"/>; under a secret key no message may quote what it reads.</summary>
    private RbValue ParseSecretAware(string? key)
    {
        var outer = _inSecret;
        _inSecret = outer || Shown.IsSecretKey(key);
        try
        {
            return ParseExpression();
        }
        finally
        {
            _inSecret = outer;
        }
    }

    /// <summary>
    /// After an array element or hash entry: eats ',' or the closer. Returns false when the list ends
    /// (closed, unterminated, or broken); a missing comma is reported and the list goes on.
    /// </summary>
    private bool AfterElement(Token open, TokenKind close, string unterminatedCode, string what, string elements, Func<Token, bool> canStartNext)
    {
        var last = Previous;
        SkipNewlines();
        if (At(TokenKind.Comma))
        {
            Eat();
            return true;
        }

        if (At(close))
        {
            Eat();
            return false;
        }

        if (At(TokenKind.EndOfFile) || AtStatementStart())
        {
            ReportUnterminated(open, unterminatedCode, what, close == TokenKind.RightBracket ? ']' : '}');
            return false;
        }

        if (canStartNext(Current))
        {
            ReportMissingComma(last, elements);
            return true;
        }

        var closer = close == TokenKind.RightBracket ? "]" : "}";
        Panic(Current, DiagnosticCodes.Syntax, $"expected ',' or '{closer}' in the {what}, found {Current.Describe()}", $"close the '{open.Text}' at {open.Start} with '{closer}'");
        return false;
    }
}
