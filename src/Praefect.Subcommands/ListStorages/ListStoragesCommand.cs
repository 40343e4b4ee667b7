using System.CommandLine;
using Praefect.Configuration.Runtime;
using Praefect.Subcommands.Common;

namespace Praefect.Subcommands.ListStorages;

/// <summary>
/// <c>list-storages [--virtual-storage NAME]</c>: the nodes of every (or one) virtual storage of the
/// runtime config, as the Go Praefect prints them: <c>VIRTUAL_STORAGE NODE ADDRESS</c>, tab separated.
/// </summary>
internal static class ListStoragesCommand
{
    public const string Name = "list-storages";

    public static Command Create(CommandOutput output)
    {
        var config = RuntimeDatastore.ConfigOption();
        var virtualStorage = new Option<string>("--virtual-storage") { Description = "Only the nodes of this virtual storage." };
        var command = new Command(Name, $"""
            List the nodes (physical storages) of the virtual storages in the runtime config: VIRTUAL_STORAGE, NODE, ADDRESS.

            Examples:
              {output.Program} {Name} --config /var/opt/gitlab/praefect/config.yml
              {output.Program} {Name} --virtual-storage default
            """)
        {
            config,
            virtualStorage,
        };
        command.SetAction(parse => Execute(parse.GetValue(config)!, parse.GetValue(virtualStorage), output));
        return command;
    }

    public static int Execute(string configPath, string? virtualStorage, CommandOutput output)
    {
        var config = RuntimeConfigLoader.LoadFile(configPath, out var error);
        if (config is null)
        {
            output.Error.WriteLine(error);
            return ExitCodes.Usage;
        }

        var storages = config.VirtualStorages.Where(vs => string.IsNullOrEmpty(virtualStorage) || vs.Name == virtualStorage).ToList();
        if (storages.Count == 0 && !string.IsNullOrEmpty(virtualStorage))
        {
            output.Out.WriteLine($"No virtual storages named {virtualStorage}.");
            return ExitCodes.Ok;
        }

        TabTable.Write(output.Out, ["VIRTUAL_STORAGE", "NODE", "ADDRESS"],
            storages.SelectMany(vs => vs.Nodes.Select(node => (IReadOnlyList<string>)[vs.Name, node.Storage, node.Address])));
        return ExitCodes.Ok;
    }
}
