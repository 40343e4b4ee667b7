using System.Globalization;
using System.Text;
using Praefect.Configuration.Diagnostics;
using Praefect.Configuration.GitlabRb.Values;

namespace Praefect.Configuration.GitlabRb.Syntax;

/// <summary><c>ENV['X']</c>, <c>ENV.fetch('X', 'd')</c> and their interpolation in double-quoted strings.</summary>
internal sealed partial class Parser
{
    private const string EnvForms = "use ENV['NAME'], ENV.fetch('NAME') or ENV.fetch('NAME', 'default')";

    private RbValue ParseEnv()
    {
        var env = Eat();
        if (At(TokenKind.LeftBracket) && !Current.SpaceBefore)
        {
            var open = Eat();
            SkipNewlines();
            var name = ParseExpression();
            if (_panic)
            {
                return name;
            }

            SkipNewlines();
            if (!At(TokenKind.RightBracket))
            {
                return Panic(Current, DiagnosticCodes.Syntax, $"expected ']' to close the '[' at {open.Start}, found {Current.Describe()}", "write ENV['NAME']");
            }

            Eat();
            return Lookup(env, name, fallback: null, required: false);
        }

        if (At(TokenKind.Dot) && Next.Kind == TokenKind.Identifier && Next.Text == "fetch")
        {
            Eat();
            var fetch = Eat();
            if (!At(TokenKind.LeftParen) || Current.SpaceBefore)
            {
                return Panic(Current, DiagnosticCodes.Syntax, $"expected '(' after ENV.fetch, found {Current.Describe()}", "write ENV.fetch('NAME', 'default')");
            }

            var arguments = ParseArguments(Eat());
            if (_panic)
            {
                return new RbError(SpanFrom(env));
            }

            if (arguments.Count is < 1 or > 2)
            {
                Error(fetch, DiagnosticCodes.Syntax, $"ENV.fetch takes a name and an optional default, not {arguments.Count} arguments", "write ENV.fetch('NAME') or ENV.fetch('NAME', 'default')");
                return new RbError(SpanFrom(env));
            }

            return Lookup(env, arguments[0], arguments.ElementAtOrDefault(1), required: arguments.Count == 1);
        }

        if (At(TokenKind.Dot))
        {
            Error(Next, DiagnosticCodes.UnknownMethod, $"'ENV.{Next.Text}' is not supported", EnvForms);
            SkipCallChain();
            return new RbError(SpanFrom(env));
        }

        Error(env, DiagnosticCodes.Syntax, "ENV must name a variable", EnvForms);
        return new RbError(env.Span);
    }

    private RbValue Lookup(Token env, RbValue name, RbValue? fallback, bool required)
    {
        var span = SpanFrom(env);
        if (name is RbError || fallback is RbError)
        {
            return new RbError(span);
        }

        if (name is not RbString { Value: var variable })
        {
            _bag.Error(name.Span.Start, DiagnosticCodes.Syntax, $"an environment variable name must be a string, not {name.TypeName}", "write ENV['NAME']");
            return new RbError(span);
        }

        if (_environment(variable) is { } value)
        {
            return new RbString(value, span);
        }

        if (fallback is not null)
        {
            return fallback;
        }

        if (required)
        {
            _bag.Error(env.Start, DiagnosticCodes.EnvNotSet, $"environment variable '{variable}' is not set", $"set {variable} in the environment of praefect-ctl, or give a default: ENV.fetch('{variable}', 'default')");
            return new RbError(span);
        }

        return new RbNil(span);
    }

    private RbValue ParseStringValue(Token token)
    {
        var parts = (IReadOnlyList<StringPart>)token.Value!;
        if (parts.Count == 1 && !parts[0].IsInterpolation)
        {
            return new RbString(parts[0].Text!, token.Span);
        }

        var text = new StringBuilder();
        var failed = false;
        foreach (var part in parts)
        {
            if (!part.IsInterpolation)
            {
                text.Append(part.Text);
                continue;
            }

            var value = ParseInterpolation(part);
            if (ToText(value) is { } piece)
            {
                text.Append(piece);
            }
            else
            {
                failed = true;
                if (value is not RbError)
                {
                    _bag.Error(value.Span.Start, DiagnosticCodes.UnsupportedInterpolation, $"cannot interpolate {value.TypeName} into a string", "interpolate a single ENV value");
                }
            }
        }

        return failed ? new RbError(token.Span) : new RbString(text.ToString(), token.Span);
    }

    /// <summary>Parses the source of one <c>#{...}</c> in place; only ENV expressions are allowed.</summary>
    private RbValue ParseInterpolation(StringPart part)
    {
        var tokens = new Lexer(_text, part.Start.Offset, part.EndOffset, part.Start, _bag).Lex();
        var parser = new Parser(tokens, _text, _bag, _environment, _document, _depth + 1);
        return parser.ParseInterpolationBody(part);
    }

    private RbValue ParseInterpolationBody(StringPart part)
    {
        SkipNewlines();
        if (At(TokenKind.EndOfFile))
        {
            return new RbString("", new SourceSpan(part.Start, part.Start));
        }

        if (Current.Kind != TokenKind.Constant || Current.Text != "ENV")
        {
            Error(Current, DiagnosticCodes.UnsupportedInterpolation, "only ENV values can be interpolated in a string", "write the text directly, or interpolate #{ENV['NAME']}");
            return new RbError(Current.Span);
        }

        var value = ParseExpression();
        SkipNewlines();
        if (!_panic && !At(TokenKind.EndOfFile))
        {
            Error(Current, DiagnosticCodes.UnsupportedInterpolation, $"unexpected {Current.Describe()} in the interpolation", "interpolate a single ENV value: #{ENV['NAME']}");
            return new RbError(value.Span);
        }

        return value;
    }

    private static string? ToText(RbValue value) => value switch
    {
        RbString s => s.Value,
        RbNil => "",
        RbSymbol s => s.Name,
        RbBool b => b.Value ? "true" : "false",
        RbInteger i => i.Value.ToString(CultureInfo.InvariantCulture),
        RbFloat f => f.Value.ToString("R", CultureInfo.InvariantCulture),
        _ => null,
    };
}
