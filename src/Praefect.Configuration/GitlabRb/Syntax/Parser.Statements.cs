using System.Text;
using Praefect.Configuration.Diagnostics;
using Praefect.Configuration.GitlabRb.Values;

namespace Praefect.Configuration.GitlabRb.Syntax;

/// <summary>Statements: <c>name['a']['b'] = value</c> and calls such as <c>external_url 'x'</c>.</summary>
internal sealed partial class Parser
{
    private static readonly HashSet<string> RubyKeywords = new(StringComparer.Ordinal)
    {
        "if", "unless", "else", "elsif", "end", "do", "def", "class", "module", "case", "when", "while",
        "until", "for", "begin", "rescue", "ensure", "return", "require", "require_relative", "load",
        "puts", "print", "p", "include", "extend", "from_file", "eval", "system", "exec", "then",
    };

    private static readonly HashSet<string> BlockOpeners = new(StringComparer.Ordinal)
    {
        "if", "unless", "case", "while", "until", "for", "begin", "def", "class", "module",
    };

    private static readonly HashSet<string> BlockContinuers = new(StringComparer.Ordinal) { "else", "elsif", "when", "rescue", "ensure", "then" };

    /// <summary>Ruby blocks opened by a reported keyword ('if ...') and not yet closed by 'end'.</summary>
    private int _openBlocks;

    private void ParseStatement()
    {
        var first = Current;
        switch (first.Kind)
        {
            case TokenKind.Identifier:
                ParseNamedStatement();
                return;
            case TokenKind.Ellipsis:
                Eat();
                Error(first, DiagnosticCodes.Placeholder, "'...' is a placeholder from the documentation, not a setting", "delete the line, or replace it with real settings");
                return;
            case TokenKind.Constant:
                Panic(first, DiagnosticCodes.UnsupportedRuby, $"unexpected constant '{first.Text}' at the start of a statement", "a statement sets a value, such as praefect['auth_token'] = 'secret'");
                return;
            default:
                Panic(first, DiagnosticCodes.Syntax, $"expected a setting such as praefect['key'] = value, found {first.Describe()}");
                return;
        }
    }

    private void ParseNamedStatement()
    {
        var name = Eat();
        if (RubyKeywords.Contains(name.Text))
        {
            if (_openBlocks > 0 && (name.Text == "end" || BlockContinuers.Contains(name.Text)))
            {
                // The rest of a block whose opening line was reported: one error per block, not one per keyword.
                _openBlocks -= name.Text == "end" ? 1 : 0;
                _panic = true;
                return;
            }

            _openBlocks += BlockOpeners.Contains(name.Text) ? 1 : 0;
            Panic(name, DiagnosticCodes.UnsupportedRuby, $"Ruby code ('{name.Text}') is not supported: gitlab.rb is read as data", "write plain settings such as praefect['key'] = value");
            return;
        }

        if (At(TokenKind.LeftBracket) && !Current.SpaceBefore)
        {
            ParseAssignment(name);
        }
        else if (At(TokenKind.Assign))
        {
            var hint = KnownNames.Calls.Contains(name.Text)
                ? $"'{name.Text}' is set with a call: write {name.Text} 'value' without '='"
                : "write the value directly where it is used";
            Error(name, DiagnosticCodes.UnsupportedRuby, $"local variable '{name.Text}' is not supported", hint);
            Eat();
            SkipNewlines();
            ParseExpression();
        }
        else if (At(TokenKind.Dot))
        {
            Panic(Next, DiagnosticCodes.UnknownMethod, $"method call '{name.Text}.{Next.Text}' is not supported", "gitlab.rb is read as data: assign values with name['key'] = value");
        }
        else
        {
            ParseCall(name);
        }
    }

    private void ParseAssignment(Token name)
    {
        var keys = new List<RbValue>();
        while (At(TokenKind.LeftBracket) && !Current.SpaceBefore)
        {
            var open = Eat();
            SkipNewlines();
            var key = ParseExpression();
            if (_panic)
            {
                return;
            }

            SkipNewlines();
            if (!At(TokenKind.RightBracket))
            {
                Panic(Current, DiagnosticCodes.Syntax, $"expected ']' to close the '[' at {open.Start}, found {Current.Describe()}", $"write {name.Text}['key'] = value");
                return;
            }

            Eat();
            keys.Add(key);
        }

        if (!At(TokenKind.Assign))
        {
            ReportMissingAssign(name);
            return;
        }

        Eat();
        SkipNewlines();
        var value = ParseSecretAware(keys.Count > 0 ? RbHash.KeyName(keys[^1]) : null);
        if (!KnownNames.Attributes.Contains(name.Text) && !KnownNames.Calls.Contains(name.Text))
        {
            ReportUndefinedName(name);
            return;
        }

        Store(name, keys, value);
    }

    private void ReportMissingAssign(Token name)
    {
        var (message, hint) = Current.Kind switch
        {
            TokenKind.ShiftLeft => ("appending with '<<' is not supported", $"assign the whole array: {name.Text}['key'] = ['a', 'b']"),
            TokenKind.Dot => ($"method call '.{Next.Text}' is not supported", $"assign the value: {name.Text}['key'] = value"),
            TokenKind.Other when Current.Text == "||=" => ("'||=' is not supported", "use '=' to set the value"),
            TokenKind.Other when Current.Text == "==" => ("'==' compares; it does not set a value", "use '=' to set the value"),
            _ => ($"expected '=' after {name.Text}[...], found {Current.Describe()}", $"write {name.Text}['key'] = value"),
        };
        Panic(Current, Current.Kind == TokenKind.Dot ? DiagnosticCodes.UnknownMethod : DiagnosticCodes.Syntax, message, hint);
    }

    private void ReportUndefinedName(Token name)
    {
        var suggestion = DidYouMean.Suggest(name.Text, KnownNames.All);
        var message = suggestion is null ? $"undefined name '{name.Text}'" : $"undefined name '{name.Text}'; did you mean '{suggestion}'?";
        var hint = suggestion is null
            ? "gitlab.rb only knows Omnibus' top-level names, such as praefect, gitaly, gitlab_rails and git_data_dirs"
            : $"rename '{name.Text}' to '{suggestion}'";
        Error(name, DiagnosticCodes.UndefinedName, message, hint);
    }

    /// <summary>Sets <c>name[k1]...[kn] = value</c>, creating the intermediate hashes.</summary>
    private void Store(Token name, List<RbValue> keys, RbValue value)
    {
        var hash = _document.Attribute(name.Text, name.Span);
        var path = new StringBuilder(name.Text);
        for (var i = 0; i < keys.Count; i++)
        {
            var key = keys[i];
            if (key is RbError)
            {
                return;
            }

            var keyName = RbHash.KeyName(key);
            if (keyName is null)
            {
                _bag.Error(key.Span.Start, DiagnosticCodes.InvalidKey, $"{path}[...] has {key.TypeName} as key; keys must be strings or symbols", $"quote the key: {path}['key']");
                return;
            }

            if (i == keys.Count - 1)
            {
                hash.Set(key, value);
                return;
            }

            var existing = hash[keyName];
            path.Append("['").Append(keyName).Append("']");
            switch (existing)
            {
                case RbHash inner:
                    hash = inner;
                    break;
                case null or RbNil:
                    var created = new RbHash(key.Span);
                    hash.Set(key, created);
                    hash = created;
                    break;
                case RbError:
                    return;
                default:
                    _bag.Error(keys[i + 1].Span.Start, DiagnosticCodes.InvalidKey, $"{path} is {existing.TypeName}, so it cannot hold the key '{RbHash.KeyName(keys[i + 1])}'", $"set {path} to a hash, or remove the earlier assignment at {existing.Span.Start}");
                    return;
            }
        }
    }

    private void ParseCall(Token name)
    {
        List<RbValue> arguments = [];
        if (At(TokenKind.LeftParen) && !Current.SpaceBefore)
        {
            arguments = ParseArguments(Eat());
        }
        else if (CanStartValue(Current) || At(TokenKind.Label))
        {
            arguments = ParseArguments(null);
        }

        if (_panic)
        {
            return;
        }

        if (!KnownNames.Calls.Contains(name.Text) && !KnownNames.Attributes.Contains(name.Text))
        {
            var suggestion = DidYouMean.Suggest(name.Text, KnownNames.All);
            Error(
                name,
                DiagnosticCodes.UnknownMethod,
                suggestion is null ? $"unknown method '{name.Text}'" : $"unknown method '{name.Text}'; did you mean '{suggestion}'?",
                suggestion is null ? "gitlab.rb is read as data: only Omnibus settings such as external_url 'https://host' and git_data_dirs({...}) are calls" : $"rename '{name.Text}' to '{suggestion}'");
            return;
        }

        var value = arguments.Count == 1 ? arguments[0] : new RbArray(arguments, SpanFrom(name));
        _document.SetCall(name.Text, name.Span, value);
    }

    /// <summary>Call arguments, with or without parentheses; trailing <c>'k' =&gt; v</c> pairs form one hash.</summary>
    private List<RbValue> ParseArguments(Token? open)
    {
        var arguments = new List<RbValue>();
        var pairs = new List<(RbValue Key, RbValue Value)>();
        if (open is not null)
        {
            SkipNewlines();
            if (At(TokenKind.RightParen))
            {
                Eat();
                return arguments;
            }
        }

        while (true)
        {
            if (At(TokenKind.Label))
            {
                pairs.Add(ParseLabelEntry());
            }
            else
            {
                var value = ParseExpression();
                if (!_panic && At(TokenKind.Arrow))
                {
                    Eat();
                    SkipNewlines();
                    pairs.Add((value, ParseSecretAware(RbHash.KeyName(value))));
                }
                else
                {
                    arguments.Add(value);
                }
            }

            if (_panic)
            {
                return arguments;
            }

            var lastEnd = Previous;
            if (open is not null)
            {
                SkipNewlines();
            }

            if (At(TokenKind.Comma))
            {
                Eat();
                SkipNewlines();
                continue;
            }

            if (open is null)
            {
                break;
            }

            if (At(TokenKind.RightParen))
            {
                Eat();
                break;
            }

            if (At(TokenKind.EndOfFile) || AtStatementStart())
            {
                ReportUnterminated(open.Value, DiagnosticCodes.UnterminatedParenthesis, "parenthesis", ')');
                break;
            }

            if (CanStartValue(Current) || At(TokenKind.Label))
            {
                ReportMissingComma(lastEnd, "arguments");
                continue;
            }

            Panic(Current, DiagnosticCodes.Syntax, $"expected ',' or ')' in the arguments, found {Current.Describe()}", $"close the '(' at {open.Value.Start} with ')'");
            return arguments;
        }

        if (pairs.Count > 0)
        {
            arguments.Add(HashLiteral(new SourceSpan(pairs[0].Key.Span.Start, pairs[^1].Value.Span.End), pairs));
        }

        return arguments;
    }

    private void ReportUnterminated(Token open, string code, string what, char close) =>
        Error(open, code, $"unterminated {what}: '{open.Text}' is never closed", $"add '{close}' after the last {(what == "hash" ? "entry" : "element")}");

    private void ReportMissingComma(Token previous, string what)
    {
        var sameLine = previous.Span.End.Line == Current.Start.Line;
        _bag.Error(
            previous.Span.End,
            DiagnosticCodes.MissingComma,
            $"missing ',' between {what}",
            sameLine ? $"add ',' before {Current.Describe()}" : "add ',' at the end of this line");
    }
}
