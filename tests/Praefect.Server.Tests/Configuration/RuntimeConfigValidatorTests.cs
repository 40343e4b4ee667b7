using Praefect.Configuration.Runtime;
using Praefect.Server.Configuration;

namespace Praefect.Server.Tests.Configuration;

public sealed class RuntimeConfigValidatorTests
{
    private static RuntimeConfig Valid()
    {
        var config = new RuntimeConfig { ListenAddr = "127.0.0.1:2305" };
        config.VirtualStorages.Add(new VirtualStorageConfig
        {
            Name = "praefect",
            Nodes =
            [
                new NodeConfig { Storage = "git-1", Address = "tcp://10.0.0.1:8075", Token = "t1", Primary = true },
                new NodeConfig { Storage = "git-2", Address = "unix:/var/opt/gitlab/gitaly/gitaly.socket", Token = "t2" },
            ],
        });
        return config;
    }

    public static IEnumerable<TestCaseData> Invalid()
    {
        yield return Case("no listener", c => c.ListenAddr = "",
            "no listener is configured; set listen_addr (e.g. 'localhost:2305'), socket_path or tls_listen_addr");
        yield return Case("bad listen_addr", c => c.ListenAddr = "2305",
            "listen_addr '2305' is not host:port; use e.g. 'localhost:2305' or '0.0.0.0:2305'");
        yield return Case("tls without certificate", c => c.TlsListenAddr = "0.0.0.0:2306",
            "tls_listen_addr is set but tls.certificate_path or tls.key_path is empty; set both to PEM files");
        yield return Case("relative socket", c => c.SocketPath = "praefect.socket",
            "socket_path 'praefect.socket' is not absolute; use e.g. '/var/opt/gitlab/praefect/praefect.socket'");
        yield return Case("unknown log format", c => c.Logging.Format = "xml",
            "logging.format 'xml' is unknown; use json or text");
        yield return Case("no virtual storage", c => c.VirtualStorages.Clear(),
            "no virtual storage is configured; add one under virtual_storages with its nodes");
        yield return Case("duplicate virtual storage", c => c.VirtualStorages.Add(Valid().VirtualStorages[0]),
            "virtual storage 'praefect' is defined twice; merge the two entries");
        yield return Case("no primary", c => c.VirtualStorages[0].Nodes[0].Primary = false,
            "virtual storage 'praefect' has no primary node; set primary: true on exactly one node");
        yield return Case("duplicate node", c => c.VirtualStorages[0].Nodes[1].Storage = "git-1",
            "virtual storage 'praefect': node 'git-1' is listed twice; remove one entry");
        yield return Case("address without scheme", c => c.VirtualStorages[0].Nodes[1].Address = "10.0.0.2:8075",
            "virtual storage 'praefect': node 'git-2': '10.0.0.2:8075' has no supported scheme; use 'tcp://host:port', 'tls://host:port' or 'unix:/path'");
        yield return Case("address without port", c => c.VirtualStorages[0].Nodes[1].Address = "tcp://gitaly2",
            "virtual storage 'praefect': node 'git-2': 'tcp://gitaly2' is not host:port; use e.g. 'tcp://gitaly1.internal:8075'");
        yield return Case("negative graceful stop", c => c.GracefulStopTimeoutSeconds = -1,
            "graceful_stop_timeout_seconds is -1; set it to 0 or more seconds");
        yield return Case("lease too short", c => c.Replication.LeaseMs = 100,
            "replication.lease_ms is 100; set it to 300 or more (a lease shorter than this expires before a worker can renew it)");
        yield return Case("no workers", c => c.Replication.WorkersPerNode = 0,
            "replication.workers_per_node is 0; set it to 1 or more (a worker per node and source)");
        yield return Case("backoff cap below base", c => c.Replication.BackoffMaxMs = 500,
            "replication.backoff_max_ms is 500; set it to 1000 or more (the cap cannot be below backoff_base_ms)");
        yield return Case("unknown quorum", c => c.Transactions.Quorum = "most",
            "transactions.quorum 'most' is unknown; use majority (the primary and at least half of the secondaries), all or primary");
        yield return Case("no vote timeout", c => c.Transactions.VoteTimeoutSeconds = 0,
            "transactions.vote_timeout_seconds is 0; set it to 1 or more seconds (the default is 30)");
        yield return Case("poll interval too short", c => c.Replication.PollIntervalMs = 0,
            "replication.poll_interval_ms is 0; set it to 10 or more (a shorter poll only loads the datastore)");
    }

    [Test]
    public void Validate_ValidConfig_NoErrors()
    {
        Assert.That(RuntimeConfigValidator.Validate(Valid()), Is.Empty);
    }

    [TestCaseSource(nameof(Invalid))]
    public void Validate_InvalidConfig_OneExactError(Action<RuntimeConfig> change, string expected)
    {
        var config = Valid();
        change(config);

        Assert.That(RuntimeConfigValidator.Validate(config), Is.EqualTo(new[] { expected }));
    }

    [Test]
    public void Validate_SeveralProblems_ReportsAllOfThem()
    {
        var config = Valid();
        config.Logging.Level = "chatty";
        config.VirtualStorages[0].Nodes[1].Address = "";
        config.VirtualStorages[0].Nodes[1].Storage = "";

        Assert.That(RuntimeConfigValidator.Validate(config), Is.EqualTo(new[]
        {
            "logging.level 'chatty' is unknown; use debug, info, warn or error",
            "virtual storage 'praefect': a node has no storage name; set storage: (e.g. 'praefect-git-1')",
            "virtual storage 'praefect': node '' has no address; set address: 'tcp://host:8075'",
        }));
    }

    private static TestCaseData Case(string name, Action<RuntimeConfig> change, string expected) =>
        new TestCaseData(change, expected).SetName("Validate_" + name.Replace(' ', '_') + "_Error");
}
