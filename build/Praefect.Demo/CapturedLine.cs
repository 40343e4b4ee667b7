using System.Text.RegularExpressions;

namespace Praefect.Demo;

/// <summary>ChildProcess captures lines as "HH:mm:ss.fff out: text"; the demo prints only the text.</summary>
internal static partial class CapturedLine
{
    public static string Text(string captured) => Prefix().Replace(captured, "", 1);

    [GeneratedRegex(@"^\d\d:\d\d:\d\d\.\d{3} (out|err): ")]
    private static partial Regex Prefix();
}
