using GitalyLite.Configuration;

namespace GitalyLite.Cli;

/// <summary>
/// Parses <c>gitaly-lite serve</c> flags. Flags override the config file; every error is collected
/// so the user sees all of them at once.
/// </summary>
internal static class ServeCommandLine
{
    public const string TokenEnvironmentVariable = "GITALY_LITE_TOKEN";

    public const string Usage = """
        usage: gitaly-lite serve [--config FILE.yml] [--listen HOST:PORT] [--socket PATH]
                                 [--storage NAME=DIR]... [--token SECRET] [--transitioning]
                                 [--log-level debug|info|warn|error] [--vote-timeout SECONDS]
               gitaly-lite ssh upload-pack|receive-pack   (git's GIT_SSH_COMMAND, like gitaly-ssh)
        The token may also come from the GITALY_LITE_TOKEN environment variable.
        --vote-timeout: how long a reference-transaction vote waits for praefect (default 30).
        """;

    public static NodeOptions Parse(IReadOnlyList<string> args, Func<string, string?> environment, List<string> errors)
    {
        var options = new NodeOptions();
        var configFile = FindValue(args, "--config");
        if (configFile is not null)
        {
            NodeConfigFile.Load(configFile, options, errors);
        }

        options.Token = environment(TokenEnvironmentVariable) is { Length: > 0 } fromEnv ? fromEnv : options.Token;
        for (var i = 0; i < args.Count; i++)
        {
            var flag = args[i];
            if (flag == "--transitioning")
            {
                options.Transitioning = true;
                continue;
            }

            if (flag is not ("--config" or "--listen" or "--socket" or "--storage" or "--token" or "--log-level" or "--vote-timeout"))
            {
                errors.Add($"unknown argument '{flag}'; see the usage below");
                continue;
            }

            if (i + 1 >= args.Count)
            {
                errors.Add($"{flag} needs a value");
                continue;
            }

            var value = args[++i];
            switch (flag)
            {
                case "--listen": options.ListenAddress = value; break;
                case "--socket": options.SocketPath = value; break;
                case "--token": options.Token = value; break;
                case "--log-level": options.LogLevel = value; break;
                case "--storage": AddStorage(value, options, errors); break;
                case "--vote-timeout": SetVoteTimeout(value, options, errors); break;
            }
        }

        Validate(options, errors);
        return options;
    }

    private static void AddStorage(string value, NodeOptions options, List<string> errors)
    {
        var equals = value.IndexOf('=');
        if (equals <= 0 || equals == value.Length - 1)
        {
            errors.Add($"--storage '{value}' is not NAME=DIR; write e.g. --storage default=/var/opt/gitaly-lite/default");
            return;
        }

        options.Storages.Add(new StorageOptions(value[..equals], value[(equals + 1)..]));
    }

    private static void SetVoteTimeout(string value, NodeOptions options, List<string> errors)
    {
        if (!double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
        {
            errors.Add($"--vote-timeout '{value}' is not a number of seconds; write e.g. --vote-timeout 30");
        }
        else if (VoteTimeout.TryFromSeconds(seconds, out var timeout, out var error))
        {
            options.VoteTimeout = timeout;
        }
        else
        {
            errors.Add("--vote-timeout: " + error);
        }
    }

    private static void Validate(NodeOptions options, List<string> errors)
    {
        if (options.ListenAddress is null && options.SocketPath is null)
        {
            errors.Add("no listener; pass --listen 127.0.0.1:PORT and/or --socket PATH");
        }

        if (options.ListenAddress is not null && !ListenEndPoint.TryParse(options.ListenAddress, out _, out var error))
        {
            errors.Add(error);
        }

        if (options.Storages.Count == 0)
        {
            errors.Add("no storage; pass --storage NAME=DIR at least once");
        }

        foreach (var duplicate in options.Storages.GroupBy(s => s.Name).Where(g => g.Count() > 1))
        {
            errors.Add($"storage '{duplicate.Key}' is defined {duplicate.Count()} times; give each storage a unique name");
        }

        if (options.LogLevel is not ("debug" or "info" or "warn" or "error"))
        {
            errors.Add($"log level '{options.LogLevel}' is unknown; use debug, info, warn or error");
        }
    }

    private static string? FindValue(IReadOnlyList<string> args, string flag)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] == flag)
            {
                return args[i + 1];
            }
        }

        return null;
    }
}
