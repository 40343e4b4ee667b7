namespace Praefect.Server.Hosting;

/// <summary>
/// <c>praefect [-config PATH] [subcommand [flags]]</c>, <c>praefect --version</c> or <c>praefect --help</c>
/// (Go-style single dashes accepted too). Without a subcommand praefect serves (and needs -config);
/// the first argument that is not a flag starts the subcommand, whose flags are its own.
/// </summary>
internal sealed record CommandLine(string? ConfigPath, bool ShowVersion, string? Error)
{
    public const string Usage = "usage: praefect -config /var/opt/gitlab/praefect/config.yml [subcommand] | praefect --version | praefect --help";

    /// <summary>The subcommand and its arguments (empty: serve).</summary>
    public IReadOnlyList<string> Subcommand { get; init; } = [];

    public bool ShowHelp { get; init; }

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        string? config = null;
        var version = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith('-'))
            {
                return new CommandLine(config, false, null) { Subcommand = args.Skip(i).ToList() };
            }

            var name = arg.TrimStart('-');
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            string? inlineValue = equals < 0 ? null : name[(equals + 1)..];
            name = equals < 0 ? name : name[..equals];
            switch (name)
            {
                case "version":
                    version = true;
                    break;
                case "help" or "h":
                    return new CommandLine(config, false, null) { ShowHelp = true };
                case "config":
                    config = inlineValue ?? (i + 1 < args.Count ? args[++i] : null);
                    if (string.IsNullOrEmpty(config))
                    {
                        return new CommandLine(null, false, "--config needs a path");
                    }

                    break;
                default:
                    return new CommandLine(null, false, $"unknown argument '{arg}'");
            }
        }

        if (!version && config is null)
        {
            return new CommandLine(null, false, "--config is required");
        }

        return new CommandLine(config, version, null);
    }
}
