using Praefect.Configuration.Runtime;
using Praefect.Datastore;
using Praefect.TestSupport;

namespace Praefect.Ctl.Tests.Commands;

/// <summary>
/// What the tests of the Go subcommands on two gitaly-lite nodes share: the runtime config of virtual storage
/// <c>default</c> (git-1 primary, git-2) with a SQLite datastore in the temp directory, opening that datastore, and
/// running a subcommand as praefect (<c>praefect -config FILE sub -go-flags</c>) or praefect-ctl (<c>sub ... --config FILE</c>).
/// </summary>
internal static class TwoNodeSubcommands
{
    /// <summary>Writes <c>config.yml</c> (git-2 at <paramref name="secondAddress"/>, default its node's) and migrates its datastore; returns its path.</summary>
    public static Task<string> WriteConfigAsync(TempDirectory directory, GitalyLiteNode one, GitalyLiteNode two, string? secondAddress = null) =>
        WriteConfigAsync(directory, [(one.Storage, one.Address, one.Token), (two.Storage, secondAddress ?? two.Address, two.Token)]);

    /// <summary>Writes <c>config.yml</c> of virtual storage <c>default</c> with <paramref name="nodes"/> (the first primary) and migrates its datastore; returns its path.</summary>
    public static async Task<string> WriteConfigAsync(TempDirectory directory, IReadOnlyList<(string Storage, string Address, string Token)> nodes)
    {
        Directory.CreateDirectory(directory.Combine("data"));
        var config = directory.Combine("config.yml");
        var entries = string.Concat(nodes.Select((node, i) =>
            $"\n      - storage: {node.Storage}\n        address: {node.Address}\n        token: {node.Token}" + (i == 0 ? "\n        primary: true" : "")));
        File.WriteAllText(config, $"""
            data_dir: {directory.Combine("data")}
            listen_addr: 127.0.0.1:2305
            virtual_storages:
              - name: default
                nodes:
            """ + entries + "\n");
        await using var store = Open(config);
        await store.MigrateAsync(CancellationToken.None);
        return config;
    }

    public static IDatastore Open(string config) =>
        DatastoreFactory.Create(RuntimeConfigLoader.LoadFile(config, out var error) ?? throw new InvalidOperationException(error));

    /// <summary>praefect-ctl with <paramref name="args"/> as given.</summary>
    public static (int Exit, string Out, string Error) RunCtl(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = CtlApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString().ReplaceLineEndings("\n"), stderr.ToString().ReplaceLineEndings("\n"));
    }

    /// <summary>praefect's form: <c>praefect -config FILE &lt;subcommand&gt; -go-style-flags</c>.</summary>
    public static (int Exit, string Out, string Error) RunPraefect(string config, params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = Praefect.Subcommands.GoSubcommands.RunForPraefect(config, args, TextReader.Null, stdout, stderr, _ => []);
        return (exit, stdout.ToString().ReplaceLineEndings("\n"), stderr.ToString().ReplaceLineEndings("\n"));
    }

    /// <summary>praefect (<paramref name="praefect"/>) or praefect-ctl with <c>--config</c> appended.</summary>
    public static (int Exit, string Out, string Error) Run(string config, bool praefect, params string[] args) =>
        praefect ? RunPraefect(config, args) : RunCtl([.. args, "--config", config]);
}
