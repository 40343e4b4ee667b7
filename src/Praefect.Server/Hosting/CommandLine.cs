namespace Praefect.Server.Hosting;

/// <summary><c>praefect --config PATH</c> or <c>praefect --version</c> (Go-style single dashes accepted too).</summary>
internal sealed record CommandLine(string? ConfigPath, bool ShowVersion, string? Error)
{
    public const string Usage = "usage: praefect --config /var/opt/gitlab/praefect/config.yml | praefect --version";

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        string? config = null;
        var version = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var name = arg.TrimStart('-');
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            string? inlineValue = equals < 0 ? null : name[(equals + 1)..];
            name = equals < 0 ? name : name[..equals];
            switch (name)
            {
                case "version" when arg.StartsWith('-'):
                    version = true;
                    break;
                case "config" when arg.StartsWith('-'):
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
