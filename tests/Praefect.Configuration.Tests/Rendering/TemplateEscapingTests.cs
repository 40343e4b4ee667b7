using System.Diagnostics;
using Praefect.Configuration.Rendering;

namespace Praefect.Configuration.Tests.Rendering;

public class TemplateEscapingTests
{
    [TestCase("plain", "\"plain\"")]
    [TestCase("a\"b", "\"a\\\"b\"")]
    [TestCase("back\\slash", "\"back\\\\slash\"")]
    [TestCase("line\nbreak\r\ttab", "\"line\\nbreak\\r\\ttab\"")]
    [TestCase("key: #comment", "\"key: #comment\"")]
    [TestCase("bell\u0007 nel\u0085 ls\u2028", "\"bell\\u0007 nel\\u0085 ls\\u2028\"")]
    [TestCase("é ✓ 😀", "\"é ✓ 😀\"")]
    [TestCase("", "\"\"")]
    public void YamlString_Value_IsDoubleQuotedAndEscaped(string value, string expected) =>
        Assert.That(TemplateEscaping.YamlString(value), Is.EqualTo(expected));

    [TestCase("plain")]
    [TestCase("it's")]
    [TestCase("$HOME `id` \"q\" \\ * ; & |")]
    [TestCase("")]
    [TestCase("ünï ✓")]
    public void ShellWord_Value_ShellReadsItBackExactly(string value)
    {
        var start = new ProcessStartInfo("sh", ["-c", "printf %s " + TemplateEscaping.ShellWord(value)]) { RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        Assert.That(process.WaitForExit(10_000), Is.True, "sh did not exit");

        Assert.That(output, Is.EqualTo(value));
    }

    [Test]
    public void ShellWord_Newline_Throws() =>
        Assert.That(() => TemplateEscaping.ShellWord("a\nb"), Throws.ArgumentException.With.Message.EqualTo("a control character (U+000A) cannot be written into a shell word"));

    [TestCase("/opt/praefect/bin/praefect", "\"/opt/praefect/bin/praefect\"")]
    [TestCase("a \"b\" \\c 50%", "\"a \\\"b\\\" \\\\c 50%%\"")]
    public void SystemdValue_Value_QuotesEscapesAndDoublesPercent(string value, string expected) =>
        Assert.That(TemplateEscaping.SystemdValue(value), Is.EqualTo(expected));

    [Test]
    public void SystemdExecArg_Dollar_IsDoubled() =>
        Assert.That(TemplateEscaping.SystemdExecArg("/opt/$x/%i"), Is.EqualTo("\"/opt/$$x/%%i\""));

    [Test]
    public void EnvDirValue_TrailingSpace_Throws() =>
        Assert.That(() => TemplateEscaping.EnvDirValue("x "), Throws.ArgumentException.With.Message.EqualTo("an env dir value cannot end with whitespace (chpst removes it)"));
}
