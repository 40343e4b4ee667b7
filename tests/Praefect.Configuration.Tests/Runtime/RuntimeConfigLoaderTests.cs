using Praefect.Configuration.Runtime;

namespace Praefect.Configuration.Tests.Runtime;

public class RuntimeConfigLoaderTests
{
    private const string Minimal = """
        version: 1
        listen_addr: "localhost:2305"
        virtual_storages:
          - name: "praefect"
            nodes:
              - storage: "gitaly-1"
                address: "tcp://gitaly-1:8075"
                token: "t1"
                primary: true
        """;

    [Test]
    public void Parse_MinimalConfig_LoadsValuesAndDefaults()
    {
        var result = RuntimeConfigLoader.Parse(Minimal, "config.yml");

        Assert.That(result.Diagnostics, Is.Empty);
        var config = result.Config!;
        Assert.That(config.ListenAddr, Is.EqualTo("localhost:2305"));
        Assert.That(config.GracefulStopTimeoutSeconds, Is.EqualTo(60));
        Assert.That(config.VirtualStorages.Single().Nodes.Single().Token, Is.EqualTo("t1"));
        Assert.That(config.VirtualStorages.Single().Nodes.Single().Primary, Is.True);
    }

    private static IEnumerable<TestCaseData> InvalidConfigs()
    {
        yield return new TestCaseData(Minimal.Replace("listen_addr:", "listen_adr:"),
            "config.yml:2:1: error: unknown key 'listen_adr'\n  hint: did you mean 'listen_addr'?").SetName("UnknownKey_DidYouMean");
        yield return new TestCaseData(Minimal + "\nauth:\n  tokn: \"x\"",
            "config.yml:11:3: error: unknown key 'auth.tokn'\n  hint: did you mean 'token'?").SetName("UnknownNestedKey_DidYouMean");
        yield return new TestCaseData(Minimal + "\ngraceful_stop_timeout_seconds: \"60\"",
            "config.yml:10:32: error: 'graceful_stop_timeout_seconds' must be an integer, got '60'\n  hint: write a whole number without quotes").SetName("QuotedInteger_TypeError");
        yield return new TestCaseData(Minimal.Replace("primary: true", "primary: yes"),
            "config.yml:9:18: error: 'virtual_storages[0].nodes[0].primary' must be true or false, got 'yes'\n  hint: write true or false without quotes").SetName("YesForBool_TypeError");
        yield return new TestCaseData(Minimal.Replace("  - name: \"praefect\"", "  - name: \"praefect\"\n    zzz: 1"),
            "config.yml:5:5: error: unknown key 'virtual_storages[0].zzz'\n  hint: known keys here: name, nodes").SetName("UnknownKeyInListItem_ListsKnownKeys");
        yield return new TestCaseData(Minimal.Replace("version: 1", "version: 2"),
            "config.yml:1:1: error: unsupported config version 2; this praefect reads version 1\n  hint: run 'praefect-ctl reconfigure' to render it again").SetName("Version2_Unsupported");
        yield return new TestCaseData(Minimal.Replace("        address: \"tcp://gitaly-1:8075\"\n", ""),
            "config.yml:6:9: error: 'virtual_storages[0].nodes[0]' is missing the required key 'address'\n  hint: add 'address: ...'").SetName("NodeWithoutAddress_MissingKey");
        yield return new TestCaseData(Minimal.Replace("listen_addr: \"localhost:2305\"", "listen_addr:"),
            "config.yml:2:13: error: 'listen_addr' must be a string, got null\n  hint: write \"\" for an empty value").SetName("NullString_TypeError");
        yield return new TestCaseData(Minimal.Replace("virtual_storages:\n", "virtual_storages: \"x\"\nfoo:\n"),
            "config.yml:3:19: error: 'virtual_storages' must be a list\n  hint: write each item on its own line starting with '- ', or 'virtual_storages: []'").SetName("StringForList_TypeError");
        yield return new TestCaseData("version: 1\nlisten_addr: \"unterminated\n",
            "config.yml:2:14: error: invalid YAML: While scanning a quoted scalar, found unexpected end of stream\n  hint: check the indentation and quoting on this line").SetName("UnterminatedQuote_SyntaxError");
    }

    [TestCaseSource(nameof(InvalidConfigs))]
    public void Parse_InvalidConfig_ReportsPositionProblemAndFix(string yaml, string expected)
    {
        var result = RuntimeConfigLoader.Parse(yaml, "config.yml");

        Assert.That(result.Config, Is.Null);
        Assert.That(result.ErrorText.Split('\n').Take(2), Is.EqualTo(expected.Split('\n')));
    }

    [Test]
    public void Parse_OnlySomeKeys_UsesDefaultsForTheRest()
    {
        var result = RuntimeConfigLoader.Parse("data_dir: \"/tmp/x\"\n", "config.yml");

        Assert.That(result.ErrorText, Is.Empty);
        Assert.That(result.Config!.Version, Is.EqualTo(RuntimeConfig.CurrentVersion));
        Assert.That(result.Config.DataDir, Is.EqualTo("/tmp/x"));
    }

    [Test]
    public void Parse_SeveralProblems_ReportsEveryOne()
    {
        var yaml = Minimal.Replace("listen_addr:", "listen_adr:") + "\nreplication:\n  workers_per_node: many\n";

        var result = RuntimeConfigLoader.Parse(yaml, "config.yml");

        Assert.That(result.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "runtime-unknown-key", "runtime-type" }));
    }

    [Test]
    public void LoadFile_MissingFile_ReturnsNullWithReadableError()
    {
        var config = RuntimeConfigLoader.LoadFile("/nonexistent/praefect/config.yml", out var error);

        Assert.That(config, Is.Null);
        Assert.That(error, Does.StartWith("/nonexistent/praefect/config.yml: error: cannot read the runtime config: Could not find a part of the path"));
    }
}
