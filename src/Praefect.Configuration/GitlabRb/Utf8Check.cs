using System.Buffers;
using System.Text;
using Praefect.Configuration.Diagnostics;
using Praefect.Configuration.GitlabRb.Syntax;

namespace Praefect.Configuration.GitlabRb;

/// <summary>
/// gitlab.rb must be UTF-8. Each invalid byte sequence is an error at its line and column (columns
/// count characters, as everywhere else), never a silent U+FFFD in a rendered token. The bytes
/// themselves are not shown: they may be part of a secret.
/// </summary>
internal static class Utf8Check
{
    private const int MaxReported = 20;

    public static void Report(ReadOnlySpan<byte> bytes, DiagnosticBag bag)
    {
        var line = 1;
        var column = 1;
        var reported = 0;
        var lastLine = 0;
        var offset = 0;
        while (offset < bytes.Length)
        {
            var status = Rune.DecodeFromUtf8(bytes[offset..], out var rune, out var consumed);
            if (status != OperationStatus.Done)
            {
                if (line != lastLine && reported < MaxReported)
                {
                    bag.Error(new TextPosition(offset, line, column), DiagnosticCodes.InvalidEncoding, "gitlab.rb is not valid UTF-8 here (an invalid byte sequence)", "save gitlab.rb as UTF-8 (for example: iconv -f latin1 -t utf-8), or type the character again");
                    reported++;
                    lastLine = line;
                }

                column++;
                offset += Math.Max(1, consumed);
                continue;
            }

            if (rune.Value == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column += rune.Utf16SequenceLength;
            }

            offset += consumed;
        }
    }
}
