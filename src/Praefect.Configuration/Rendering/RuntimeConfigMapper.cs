using Praefect.Configuration.Runtime;
using Praefect.Configuration.Settings;

namespace Praefect.Configuration.Rendering;

/// <summary>
/// The runtime config that gitlab.rb settings stand for. config.yml.sbn writes exactly this, and
/// loading the rendered file must give it back (the render -> load round trip tests that).
/// </summary>
public static class RuntimeConfigMapper
{
    public static RuntimeConfig FromSettings(PraefectSettings settings) => new()
    {
        Version = RuntimeConfig.CurrentVersion,
        ListenAddr = settings.ListenAddr,
        SocketPath = settings.SocketPath,
        TlsListenAddr = settings.TlsListenAddr,
        Tls = new TlsConfig { CertificatePath = settings.CertificatePath, KeyPath = settings.KeyPath },
        PrometheusListenAddr = settings.PrometheusListenAddr,
        Auth = new AuthConfig { Token = settings.AuthToken, Transitioning = settings.AuthTransitioning },
        Logging = new LoggingConfig { Level = settings.LoggingLevel, Format = settings.LoggingFormat },
        GracefulStopTimeoutSeconds = settings.GracefulStopTimeoutSeconds,
        DataDir = settings.Dir,
        Database = new DatabaseConfig
        {
            Host = settings.Database.Host,
            Port = settings.Database.Port,
            User = settings.Database.User,
            Password = settings.Database.Password,
            Dbname = settings.Database.DbName,
            Sslmode = settings.Database.SslMode,
        },
        Replication = new ReplicationConfig
        {
            WorkersPerNode = settings.Replication.WorkersPerNode,
            MaxAttempts = settings.Replication.MaxAttempts,
        },
        Failover = new FailoverConfig { Enabled = settings.FailoverEnabled, FailoverAfterSeconds = settings.FailoverTimeoutSeconds },
        DistributedReadsEnabled = settings.DistributedReadsEnabled,
        Transactions = new TransactionsConfig
        {
            Enabled = settings.Transactions.Enabled,
            Quorum = settings.Transactions.Quorum,
            VoteTimeoutSeconds = settings.Transactions.VoteTimeoutSeconds,
        },
        VirtualStorages = settings.VirtualStorages.Select(vs => new VirtualStorageConfig
        {
            Name = vs.Name,
            Nodes = vs.Nodes.Select(n => new NodeConfig { Storage = n.Storage, Address = n.Address, Token = n.Token, Primary = n.Primary }).ToList(),
        }).ToList(),
    };
}
