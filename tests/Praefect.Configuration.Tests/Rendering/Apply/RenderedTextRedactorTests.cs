using Praefect.Configuration.Rendering.Apply;
using Praefect.Configuration.Runtime;
using Praefect.Configuration.Settings;

namespace Praefect.Configuration.Tests.Rendering.Apply;

public class RenderedTextRedactorTests
{
    private static readonly RenderedTextRedactor Redactor = RenderedTextRedactor.For(
        new PraefectSettings { AuthToken = "new\"secret", Env = new Dictionary<string, string> { ["API_TOKEN"] = "env-secret", ["PATH_X"] = "/usr/bin" } },
        new RuntimeConfig { Auth = new AuthConfig { Token = "old-secret" } });

    [TestCase("  token: \"anything at all\"", "  token: [REDACTED]")]
    [TestCase("      - token: \"x\"", "      - token: [REDACTED]")]
    [TestCase("  password: \"p\"", "  password: [REDACTED]")]
    [TestCase("  token: \"\"", "  token: [REDACTED]")]
    [TestCase("other: \"new\\\"secret\"", "other: \"[REDACTED]\"")]
    [TestCase("old-secret and new\"secret", "[REDACTED] and [REDACTED]")]
    [TestCase("env-secret", "[REDACTED]")]
    [TestCase("/usr/bin", "/usr/bin")]
    public void Line_SecretAnywhere_IsReplaced(string line, string expected) =>
        Assert.That(Redactor.Line(line), Is.EqualTo(expected));
}
