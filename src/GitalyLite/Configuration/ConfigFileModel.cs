namespace GitalyLite.Configuration;

/// <summary>The YAML file's shape; see <see cref="NodeConfigFile"/>.</summary>
internal sealed class ConfigFileModel
{
    public string? ListenAddr { get; set; }
    public string? SocketPath { get; set; }
    public AuthModel? Auth { get; set; }
    public List<StorageModel>? Storages { get; set; }
    public LoggingModel? Logging { get; set; }
    public TransactionsModel? Transactions { get; set; }

    internal sealed class AuthModel
    {
        public string? Token { get; set; }
        public bool? Transitioning { get; set; }
    }

    internal sealed class StorageModel
    {
        public string? Name { get; set; }
        public string? Path { get; set; }
    }

    internal sealed class LoggingModel
    {
        public string? Level { get; set; }
    }

    internal sealed class TransactionsModel
    {
        public double? VoteTimeout { get; set; }
    }
}
