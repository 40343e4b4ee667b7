using CsCheck;
using Praefect.Configuration.Rendering;
using Praefect.Configuration.Runtime;
using Praefect.Configuration.Settings;

namespace Praefect.Configuration.Tests.Rendering;

/// <summary>Rendering config.yml and loading it back must give the runtime config the settings stand for, whatever the values hold.</summary>
public class RenderRoundTripTests
{
    private const string Awkward = "\"'\\:#-{}[],&*!|>%@` \t\n\r\u0001\u007f\u0085\u2028\u00e9\u00fc\u4e2d\u2713";

    private static readonly Gen<string> Text =
        Gen.OneOf(
                Gen.Const("\ud83d\ude00"),
                Gen.Const("true"),
                Gen.Const("null"),
                Gen.Const("~"),
                Gen.Const("0x10"),
                Gen.String[Gen.OneOf(Gen.Char[Awkward], Gen.Char['a', 'z'], Gen.Char['\u00a0', '\ud7ff']), 0, 8])
            .Array[0, 4]
            .Select(string.Concat);

    private static readonly Gen<string> PathText = Text.Select(t => "/" + new string(t.Where(c => !char.IsControl(c) && !char.IsSurrogate(c)).ToArray()));

    private static readonly Gen<NodeSettings> Node =
        Gen.Select(Text, Text, Text, Gen.Bool, (storage, address, token, primary) => new NodeSettings(storage, address, token, primary));

    private static readonly Gen<PraefectSettings> Settings =
        Gen.Select(
            Gen.Select(Text, Node.Array[0, 3]).Select((name, nodes) => new VirtualStorageSettings(name, nodes)).Array[0, 3],
            Gen.Select(Text, Text, Text, Text),
            Gen.Select(PathText, Gen.Int[0, 100_000], Gen.Bool, Gen.OneOf(Gen.Const("runit"), Gen.Const("systemd"))),
            (storages, texts, misc) => new PraefectSettings
            {
                Enable = true,
                VirtualStorages = storages,
                AuthToken = texts.Item1,
                ListenAddr = texts.Item2,
                LoggingLevel = texts.Item3,
                Database = new DatabaseSettings { Password = texts.Item4, Host = texts.Item2, Port = misc.Item2 },
                Dir = misc.Item1,
                GracefulStopTimeoutSeconds = misc.Item2,
                AuthTransitioning = misc.Item3,
                ServiceManager = misc.Item4,
            });

    [Test]
    public void RenderThenLoad_RandomSettings_GivesTheSameRuntimeConfig()
    {
        var renderer = new SettingsRenderer(RepositoryTemplates.Set);
        Settings.Sample(settings =>
        {
            var rendered = renderer.Render(settings);
            Assert.That(rendered.Diagnostics, Is.Empty);
            var configYml = rendered.Tree!.Entries.Single(e => e.Role == EntryRole.RuntimeConfig);
            var loaded = RuntimeConfigLoader.Parse(configYml.Content, "config.yml");

            Assert.That(loaded.ErrorText, Is.Empty, configYml.Content);
            var expected = RuntimeConfigMapper.FromSettings(settings);
            Assert.That(RuntimeConfigComparer.ChangedKeys(expected, loaded.Config!), Is.Empty, configYml.Content);
            Assert.That(loaded.Config!.Auth.Token, Is.EqualTo(settings.AuthToken));
            Assert.That(loaded.Config.DataDir, Is.EqualTo(settings.Dir));
            Assert.That(loaded.Config.VirtualStorages.SelectMany(v => v.Nodes).Select(n => (n.Storage, n.Address, n.Token, n.Primary)),
                Is.EqualTo(settings.VirtualStorages.SelectMany(v => v.Nodes).Select(n => (n.Storage, n.Address, n.Token, n.Primary))));
            Assert.That(loaded.Config.VirtualStorages.Select(v => v.Name), Is.EqualTo(settings.VirtualStorages.Select(v => v.Name)));
        }, iter: 300);
    }

    [Test]
    public void ChangedKeys_NodeTokenAndListenerChanged_NamesBoth()
    {
        var before = RuntimeConfigMapper.FromSettings(new PraefectSettings { VirtualStorages = [new("vs", [new("n1", "tcp://a:1", "t1", true)])] });
        var after = RuntimeConfigMapper.FromSettings(new PraefectSettings { ListenAddr = "0.0.0.0:2305", VirtualStorages = [new("vs", [new("n1", "tcp://a:1", "t2", true)])] });

        Assert.That(RuntimeConfigComparer.ChangedKeys(before, after), Is.EqualTo(new[] { "listen_addr", "virtual_storages" }));
    }
}
