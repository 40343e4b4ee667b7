using System.CommandLine;
using System.Text.Json;
using Praefect.Protocol.Metadata;
using Praefect.Subcommands.Common;
using Praefect.Subcommands.Nodes;

namespace Praefect.Subcommands.Repositories;

/// <summary>
/// <c>track-repositories -input-path FILE [-replicate-immediately]</c>: track-repository for every line of a file of
/// JSON objects (<c>relative_path</c>, <c>virtual_storage</c>, <c>authoritative_storage</c>). Every line is checked
/// before any is tracked, and one bad line aborts them all, with the Go Praefect's report of the bad lines.
/// </summary>
internal static class TrackRepositoriesCommand
{
    public const string Name = "track-repositories";

    public static Command Create(CommandOutput output)
    {
        var config = RuntimeDatastore.ConfigOption();
        var input = new Option<string>("--input-path") { Description = "File of the repositories to track: one JSON object a line with relative_path, virtual_storage, authoritative_storage.", Required = true };
        var immediately = RepositoryOptions.ReplicateImmediately();
        var command = new Command(Name, $"""
            Track many repositories at once (see track-repository). Each line of -input-path is one JSON object:
              {"{"}"relative_path":"group/project.git","virtual_storage":"default","authoritative_storage":"gitaly-1"{"}"}
            Every line is checked first; if any is invalid nothing is tracked.

            Examples:
              {output.Program} {Name} -input-path /tmp/repositories.json
              {output.Program} {Name} -input-path /tmp/repositories.json -replicate-immediately
            """)
        {
            config,
            input,
            immediately,
        };
        command.SetAction((parse, cancellationToken) => ExecuteAsync(parse.GetValue(config)!, parse.GetValue(input)!, parse.GetValue(immediately), output, cancellationToken));
        return command;
    }

    public static async Task<int> ExecuteAsync(string configPath, string inputPath, bool replicateImmediately, CommandOutput output, CancellationToken cancellationToken)
    {
        if (RuntimeDatastore.Load(configPath, Name, output) is not { } loaded)
        {
            return ExitCodes.Usage;
        }

        await using var store = loaded.Store;
        string[] lines;
        try
        {
            lines = await File.ReadAllLinesAsync(inputPath, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            output.Error.WriteLine($"{output.Program} {Name}: error: open input: {e.Message}");
            return ExitCodes.Usage;
        }

        using var clients = new NodeClients();
        var tracker = new RepositoryTracker(store, clients, output, Name, CorrelationId.New());
        return await RuntimeDatastore.GuardAsync(Name, output, async () =>
        {
            output.Out.WriteLine($"Validating repository information in \"{inputPath}\"");
            var valid = new List<(Configuration.Runtime.VirtualStorageConfig Vs, string Path, string Storage)>();
            var invalid = new List<(int Line, string Path, List<string> Errors)>();
            var linesOfPath = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            for (var i = 0; i < lines.Length; i++)
            {
                if (string.IsNullOrWhiteSpace(lines[i]))
                {
                    continue;
                }

                var (entry, errors) = Parse(lines[i], i + 1, inputPath);
                var path = entry?.RelativePath ?? "";
                if (entry is not null && errors.Count == 0)
                {
                    if (linesOfPath.TryGetValue(path, out var seen))
                    {
                        seen.Add(i + 1);
                        errors.Add($"duplicate entries for relative_path, line {{{path}}}");
                    }
                    else
                    {
                        linesOfPath[path] = [i + 1];
                        var vs = loaded.Config.VirtualStorages.FirstOrDefault(v => v.Name == entry.VirtualStorage);
                        var problem = vs is null
                            ? $"virtual storage \"{entry.VirtualStorage}\" not found"
                            : await tracker.ProblemAsync(vs, path, entry.AuthoritativeStorage!, cancellationToken);
                        if (problem is null)
                        {
                            valid.Add((vs!, path, entry.AuthoritativeStorage!));
                        }
                        else
                        {
                            errors.Add(problem);
                        }
                    }
                }

                if (errors.Count > 0)
                {
                    invalid.Add((i + 1, path, errors));
                }
            }

            if (invalid.Count > 0)
            {
                output.Out.WriteLine($"Found {invalid.Count} invalid request(s) in \"{inputPath}\":");
                foreach (var (line, path, errors) in invalid)
                {
                    output.Out.WriteLine($"  line {line}, relative_path: \"{path}\"");
                    foreach (var error in errors)
                    {
                        output.Out.WriteLine("    " + error.Replace("{" + path + "}", "[" + string.Join(" ", linesOfPath.GetValueOrDefault(path) ?? []) + "]", StringComparison.Ordinal));
                    }
                }

                output.Error.WriteLine($"{output.Program} {Name}: error: invalid entries found, aborting; fix the lines above and run it again");
                return ExitCodes.Failed;
            }

            if (valid.Count == 0)
            {
                output.Error.WriteLine($"{output.Program} {Name}: error: no repository information found in \"{inputPath}\"");
                return ExitCodes.Failed;
            }

            output.Out.WriteLine("All repository details are correctly formatted");
            output.Out.WriteLine($"Tracking {valid.Count} repositories in Praefect DB...");
            foreach (var (vs, path, storage) in valid)
            {
                if (!await tracker.TrackAsync(vs, path, storage, replicateImmediately, cancellationToken))
                {
                    return ExitCodes.Failed;
                }
            }

            return ExitCodes.Ok;
        });
    }

    private static (TrackEntry? Entry, List<string> Errors) Parse(string text, int line, string inputPath)
    {
        TrackEntry? entry;
        try
        {
            entry = JsonSerializer.Deserialize<TrackEntry>(text);
        }
        catch (JsonException e)
        {
            return (null, [$"{inputPath}:{line}:{(e.BytePositionInLine ?? 0) + 1}: not a JSON object: {e.Message.Split(" Path:")[0]}"]);
        }

        if (entry is null)
        {
            return (null, [$"{inputPath}:{line}:1: not a JSON object; write {{\"relative_path\":...,\"virtual_storage\":...,\"authoritative_storage\":...}}"]);
        }

        var errors = new List<string>();
        foreach (var (value, name) in new[] { (entry.RelativePath, "relative-path"), (entry.VirtualStorage, "virtual-storage"), (entry.AuthoritativeStorage, "authoritative-storage") })
        {
            if (string.IsNullOrEmpty(value))
            {
                errors.Add($"\"{name}\" is a required parameter");
            }
        }

        return (entry, errors);
    }
}
