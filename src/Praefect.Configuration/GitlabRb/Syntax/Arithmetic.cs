using System.Globalization;
using Praefect.Configuration.Diagnostics;
using Praefect.Configuration.GitlabRb.Values;

namespace Praefect.Configuration.GitlabRb.Syntax;

/// <summary>
/// Evaluates <c>200 * 1024 * 1024</c> and friends with Ruby's rules: integer division floors,
/// overflow is an error (Ruby would switch to big integers), '+' also joins two strings.
/// </summary>
internal static class Arithmetic
{
    public static RbValue Apply(Token op, RbValue left, RbValue right, DiagnosticBag bag)
    {
        var span = new SourceSpan(left.Span.Start, right.Span.End);
        if (left is RbError || right is RbError)
        {
            return new RbError(span);
        }

        if (op.Kind == TokenKind.Plus && left is RbString a && right is RbString b)
        {
            return new RbString(a.Value + b.Value, span);
        }

        if (left is RbInteger x && right is RbInteger y)
        {
            return Integer(op, x.Value, y.Value, span, bag);
        }

        if (left is RbInteger or RbFloat && right is RbInteger or RbFloat)
        {
            return new RbFloat(Float(op.Kind, ToDouble(left), ToDouble(right)), span);
        }

        bag.Error(op.Start, DiagnosticCodes.Arithmetic, $"cannot apply '{op.Text}' to {left.TypeName} and {right.TypeName}", "arithmetic works on numbers; '+' also joins two strings");
        return new RbError(span);
    }

    public static RbValue Negate(Token op, RbValue operand, DiagnosticBag bag)
    {
        var span = new SourceSpan(op.Start, operand.Span.End);
        switch (operand)
        {
            case RbError:
                return new RbError(span);
            case RbInteger i when i.Value != long.MinValue:
                return new RbInteger(-i.Value, span);
            case RbFloat f:
                return new RbFloat(-f.Value, span);
            default:
                bag.Error(op.Start, DiagnosticCodes.Arithmetic, $"cannot negate {operand.TypeName}", "'-' works on numbers only");
                return new RbError(span);
        }
    }

    private static RbValue Integer(Token op, long x, long y, SourceSpan span, DiagnosticBag bag)
    {
        if (op.Kind is TokenKind.Slash or TokenKind.Percent && y == 0)
        {
            bag.Error(op.Start, DiagnosticCodes.Arithmetic, "division by zero", "divide by a number other than 0");
            return new RbError(span);
        }

        if (op.Kind == TokenKind.StarStar && y < 0)
        {
            bag.Error(op.Start, DiagnosticCodes.Arithmetic, "negative exponent on an integer", "write the resulting number directly");
            return new RbError(span);
        }

        try
        {
            var value = op.Kind switch
            {
                TokenKind.Plus => checked(x + y),
                TokenKind.Minus => checked(x - y),
                TokenKind.Star => checked(x * y),
                TokenKind.Slash => FloorDivide(x, y),
                TokenKind.Percent => x - checked(FloorDivide(x, y) * y),
                _ => Power(x, y),
            };
            return new RbInteger(value, span);
        }
        catch (OverflowException)
        {
            bag.Error(op.Start, DiagnosticCodes.Arithmetic, $"integer overflow: the result is larger than {long.MaxValue.ToString(CultureInfo.InvariantCulture)}", "use smaller numbers");
            return new RbError(span);
        }
    }

    private static long FloorDivide(long x, long y)
    {
        var quotient = checked(x / y);
        return (x % y != 0) && ((x < 0) != (y < 0)) ? quotient - 1 : quotient;
    }

    private static long Power(long x, long y)
    {
        switch (x)
        {
            case 0: return y == 0 ? 1 : 0;
            case 1: return 1;
            case -1: return y % 2 == 0 ? 1 : -1;
        }

        // |x| >= 2 overflows within 64 steps, so the loop is short.
        long result = 1;
        for (long i = 0; i < y; i++)
        {
            result = checked(result * x);
        }

        return result;
    }

    private static double Float(TokenKind kind, double x, double y) => kind switch
    {
        TokenKind.Plus => x + y,
        TokenKind.Minus => x - y,
        TokenKind.Star => x * y,
        TokenKind.Slash => x / y,
        TokenKind.Percent => x - (y * Math.Floor(x / y)),
        _ => Math.Pow(x, y),
    };

    private static double ToDouble(RbValue value) => value is RbInteger i ? i.Value : ((RbFloat)value).Value;
}
