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
    public void Parse_BadArguments_Error(string[] args, string expected)
    {
        Assert.That(CommandLine.Parse(args).Error, Is.EqualTo(expected));
    }

    [TestCase(new[] { "-config", "/c.yml", "list-storages", "-virtual-storage", "vs" }, "/c.yml", new[] { "list-storages", "-virtual-storage", "vs" })]
    [TestCase(new[] { "configuration", "validate" }, null, new[] { "configuration", "validate" })]
    [TestCase(new[] { "--config=/c.yml", "check", "-q" }, "/c.yml", new[] { "check", "-q" })]
    public void Parse_Subcommand_ConfigAndTheSubcommandsOwnArguments(string[] args, string? config, string[] subcommand)
    {
        var parsed = CommandLine.Parse(args);

        Assert.That((parsed.Error, parsed.ConfigPath, parsed.Subcommand), Is.EqualTo(((string?)null, config, subcommand)));
    }

    [TestCase("--help")]
    [TestCase("-help")]
    [TestCase("-h")]
    public void Parse_Help_ShowHelpWithoutConfig(string arg)
    {
        Assert.That(CommandLine.Parse([arg]), Is.EqualTo(new CommandLine(null, false, null) { ShowHelp = true }));
    }
}
