using System.Text;
using Praefect.Configuration.Diagnostics;

namespace Praefect.Configuration.GitlabRb.Syntax;

/// <summary><c>%w(a b)</c>, <c>%w[a b]</c> and <c>%i(a b)</c> word lists.</summary>
internal sealed partial class Lexer
{
    private void LexWordList()
    {
        var start = Here;
        Advance();
        var symbols = Peek() is 'i' or 'I';
        Advance();
        var open = Peek();
        var close = open switch { '(' => ')', '[' => ']', '{' => '}', '<' => '>', _ => open };
        Advance();
        var words = new List<(string, SourceSpan)>();
        var word = new StringBuilder();
        var wordStart = Here;
        var nesting = 0;
        TextPosition? firstNewline = null;
        var wordsAtNewline = 0;

        void EndWord()
        {
            if (word.Length > 0)
            {
                words.Add((word.ToString(), new SourceSpan(wordStart, Here)));
                word.Clear();
            }
        }

        while (true)
        {
            if (AtEnd)
            {
                _bag.Error(start, DiagnosticCodes.UnterminatedWordList, $"unterminated word list: '%{(symbols ? 'i' : 'w')}{open}' is never closed", $"add '{close}' after the last word");
                if (firstNewline is { } resume)
                {
                    Restore(resume);
                    words.RemoveRange(wordsAtNewline, words.Count - wordsAtNewline);
                }

                word.Clear();
                break;
            }

            var c = Peek();
            if (c == close && nesting == 0)
            {
                EndWord();
                Advance();
                break;
            }

            if (open != close && c == open)
            {
                nesting++;
            }
            else if (open != close && c == close)
            {
                nesting--;
            }

            if (char.IsWhiteSpace(c))
            {
                EndWord();
                if (c == '\n' && firstNewline is null)
                {
                    firstNewline = Here;
                    wordsAtNewline = words.Count;
                }

                Advance();
                continue;
            }

            if (word.Length == 0)
            {
                wordStart = Here;
            }

            if (c == '\\' && _pos + 1 < _end)
            {
                Advance();
            }

            word.Append(Peek());
            Advance();
        }

        Add(TokenKind.WordList, start, new WordList(symbols, words));
    }
}
