using System.Globalization;
using Praefect.Configuration.Diagnostics;

namespace Praefect.Configuration.GitlabRb.Syntax;

/// <summary>Integer and float literals: <c>1_000</c>, <c>0755</c>, <c>0x1f</c>, <c>1.5e3</c>.</summary>
internal sealed partial class Lexer
{
    private void LexNumber()
    {
        var start = Here;
        var radix = 10;
        var isFloat = false;
        if (Peek() == '0' && char.ToLowerInvariant(Peek(1)) is 'x' or 'b' or 'o' or 'd')
        {
            radix = char.ToLowerInvariant(Peek(1)) switch { 'x' => 16, 'b' => 2, 'o' => 8, _ => 10 };
            Advance();
            Advance();
        }

        var digitsStart = _pos;
        ReadNumberChars(radix == 16);
        if (radix == 10 && Peek() == '.' && char.IsAsciiDigit(Peek(1)))
        {
            isFloat = true;
            Advance();
            ReadNumberChars(false);
        }

        if (radix == 10 && Peek() is 'e' or 'E' && (char.IsAsciiDigit(Peek(1)) || (Peek(1) is '+' or '-' && char.IsAsciiDigit(Peek(2)))))
        {
            isFloat = true;
            Advance();
            Advance();
            ReadNumberChars(false);
        }

        while (IsIdentifierChar(Peek()))
        {
            Advance();
        }

        var raw = _text[start.Offset.._pos];
        var digits = _text[digitsStart.._pos];
        if (digitsStart == start.Offset && radix == 10 && digits.Length > 1 && digits[0] == '0' && !isFloat)
        {
            radix = 8;
        }

        if (isFloat)
        {
            var number = 0.0;
            var ok = ValidUnderscores(digits) && double.TryParse(digits.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
            ReportIfInvalid(ok, start, raw, radix);
            Add(TokenKind.Float, start, ok ? number : 0.0);
            return;
        }

        var parsed = ValidUnderscores(digits) ? ParseInteger(digits.Replace("_", "", StringComparison.Ordinal), radix) : null;
        ReportIfInvalid(parsed is not null, start, raw, radix);
        Add(TokenKind.Integer, start, parsed ?? 0L);
    }

    private void ReadNumberChars(bool hex)
    {
        while (char.IsAsciiDigit(Peek()) || Peek() == '_' || (hex && char.IsAsciiHexDigit(Peek())))
        {
            Advance();
        }
    }

    private void ReportIfInvalid(bool ok, TextPosition start, string raw, int radix)
    {
        if (ok)
        {
            return;
        }

        var what = radix switch { 16 => "hexadecimal", 8 => "octal", 2 => "binary", _ => "decimal" };

        // Digits run into letters ('9f3a1c...'): likely an unquoted token, so it is described, not quoted.
        var wordLike = raw.Count(char.IsAsciiLetter) >= 3;
        var shown = wordLike ? $"({raw.Length} characters starting with a digit)" : $"'{raw}'";
        _bag.Error(
            start,
            DiagnosticCodes.InvalidNumber,
            $"invalid number {shown}",
            $"write a {what} number; '_' may only separate digits, a leading 0 means octal, and text such as a token or a value with units like 10m must be quoted{(wordLike ? "" : $": '{raw}'")}");
    }

    private static bool ValidUnderscores(string digits) =>
        digits.Length > 0 && digits[0] != '_' && digits[^1] != '_'
        && !digits.Contains("__", StringComparison.Ordinal)
        && !digits.Contains("_.", StringComparison.Ordinal) && !digits.Contains("._", StringComparison.Ordinal);

    /// <summary>Parses digits in a radix with overflow checking; null when a digit is out of range or too large.</summary>
    private static long? ParseInteger(string digits, int radix)
    {
        long value = 0;
        foreach (var c in digits)
        {
            var digit = DigitValue(c, radix);
            if (digit < 0)
            {
                return null;
            }

            try
            {
                value = checked((value * radix) + digit);
            }
            catch (OverflowException)
            {
                return null;
            }
        }

        return value;
    }
}
