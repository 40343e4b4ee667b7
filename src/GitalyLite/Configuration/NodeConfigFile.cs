using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace GitalyLite.Configuration;

/// <summary>
/// Reads the optional YAML config file:
/// <code>
/// listen_addr: 127.0.0.1:9999
/// socket_path: /run/gitaly-lite.sock
/// auth: { token: secret, transitioning: false }
/// storages: [ { name: default, path: /var/opt/gitaly-lite/default } ]
/// logging: { level: info }
/// transactions: { vote_timeout: 30 }   # seconds
/// </code>
/// </summary>
internal static class NodeConfigFile
{
    public static void Load(string file, NodeOptions into, List<string> errors)
    {
        if (!File.Exists(file))
        {
            errors.Add($"{file}: config file not found; pass an existing file to --config");
            return;
        }

        ConfigFileModel model;
        try
        {
            var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
            model = deserializer.Deserialize<ConfigFileModel?>(File.ReadAllText(file)) ?? new ConfigFileModel();
        }
        catch (YamlException e)
        {
            var message = (e.InnerException ?? e).Message;
            errors.Add($"{file}:{e.Start.Line}:{e.Start.Column}: {message}; see 'gitaly-lite serve --help' for the file format");
            return;
        }

        into.ListenAddress = model.ListenAddr ?? into.ListenAddress;
        into.SocketPath = model.SocketPath ?? into.SocketPath;
        into.Token = model.Auth?.Token ?? into.Token;
        into.Transitioning = model.Auth?.Transitioning ?? into.Transitioning;
        into.LogLevel = model.Logging?.Level ?? into.LogLevel;
        if (model.Transactions?.VoteTimeout is { } voteTimeout)
        {
            into.VoteTimeout = VoteTimeout.TryFromSeconds(voteTimeout, out var timeout, out var error)
                ? timeout
                : Fail(errors, $"{file}: transactions.vote_timeout: {error}", into.VoteTimeout);
        }
        foreach (var (storage, index) in (model.Storages ?? []).Select((s, i) => (s, i)))
        {
            if (string.IsNullOrWhiteSpace(storage.Name) || string.IsNullOrWhiteSpace(storage.Path))
            {
                errors.Add($"{file}: storages[{index}] needs both 'name' and 'path'");
                continue;
            }

            into.Storages.Add(new StorageOptions(storage.Name, storage.Path));
        }
    }

    private static T Fail<T>(List<string> errors, string error, T keep)
    {
        errors.Add(error);
        return keep;
    }
}
