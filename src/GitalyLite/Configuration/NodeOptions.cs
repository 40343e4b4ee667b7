namespace GitalyLite.Configuration;

/// <summary>Everything a gitaly-lite node needs to start. Built from flags and/or a YAML file.</summary>
internal sealed class NodeOptions
{
    /// <summary>TCP listener, <c>host:port</c> (also accepted: <c>tcp://host:port</c>). Default: none.</summary>
    public string? ListenAddress { get; set; }

    /// <summary>Unix socket path to listen on. Default: none.</summary>
    public string? SocketPath { get; set; }

    /// <summary>The storages served by this node; at least one.</summary>
    public List<StorageOptions> Storages { get; } = [];

    /// <summary>The shared secret clients sign tokens with. Empty: no authentication (Gitaly's behaviour).</summary>
    public string Token { get; set; } = "";

    /// <summary>When true, tokens are checked and failures logged, but requests are never rejected. Default: false.</summary>
    public bool Transitioning { get; set; }

    /// <summary>Minimum log level: debug, info, warn, error. Default: info.</summary>
    public string LogLevel { get; set; } = "info";

    /// <summary>
    /// How long a reference-transaction vote waits for praefect's answer before the update is
    /// aborted (<c>--vote-timeout SECONDS</c>, <c>transactions: { vote_timeout: SECONDS }</c>). Default: 30 s.
    /// </summary>
    public TimeSpan VoteTimeout { get; set; } = DefaultVoteTimeout;

    public static readonly TimeSpan DefaultVoteTimeout = TimeSpan.FromSeconds(30);
}
