using Praefect.Server.Hosting;

namespace Praefect.Server.Tests.Hosting;

public sealed class CommandLineTests
{
    [TestCase(new[] { "--config", "/etc/praefect.yml" }, "/etc/praefect.yml", false)]
    [TestCase(new[] { "-config", "/etc/praefect.yml" }, "/etc/praefect.yml", false)]
    [TestCase(new[] { "--config=/etc/praefect.yml" }, "/etc/praefect.yml", false)]
    [TestCase(new[] { "--version" }, null, true)]
    [TestCase(new[] { "-version" }, null, true)]
    public void Parse_ValidArguments_ConfigAndVersion(string[] args, string? config, bool version)
    {
        var parsed = CommandLine.Parse(args);

        Assert.That(parsed, Is.EqualTo(new CommandLine(config, version, null)));
    }

    [TestCase(new string[0], "--config is required")]
    [TestCase(new[] { "--config" }, "--config needs a path")]
    [TestCase(new[] { "--config", "a", "--verbose" }, "unknown argument '--verbose'")]
    [TestCase(new[] { "serve" }, "unknown argument 'serve'")]
    public void Parse_BadArguments_Error(string[] args, string expected)
    {
        Assert.That(CommandLine.Parse(args).Error, Is.EqualTo(expected));
    }
}
