using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Praefect.Protocol.Reflection;
using Praefect.Protocol.Registry;
using Praefect.Server.Nodes;
using Praefect.Server.Nodes.Health;

namespace Praefect.Server.Registry;

/// <summary>
/// Learns the protocol from the nodes: at start, after a reload (SIGHUP) changed the node set, and
/// when a node (re)connects (became healthy), it asks every node's reflection service for its
/// declarations, classifies them and swaps the merged view into <see cref="LearnedRegistry"/>.
/// Triggers coalesce; one pass runs at a time. A node that cannot be asked keeps what it declared
/// the last time (or the compiled registry). Problems and disagreements are logged once each.
/// </summary>
internal sealed class OperationLearner(
    LearnedRegistry registry,
    INodeConnections nodes,
    IServiceProvider services,
    TimeProvider time,
    ILogger<OperationLearner> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly Channel<bool> _triggers = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ConcurrentDictionary<(string, string), NodeDeclaration> _declarations = new();
    private readonly HashSet<string> _logged = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private INodeHealth? _health;
    private Task _loop = Task.CompletedTask;

    /// <summary>Completed passes (for tests and diagnostics).</summary>
    public int Passes { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        nodes.Changed += OnNodesChanged;
        _health = services.GetService(typeof(INodeHealth)) as INodeHealth;
        if (_health is not null)
        {
            _health.Changed += OnHealthChanged;
        }

        Trigger();
        _loop = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        nodes.Changed -= OnNodesChanged;
        if (_health is not null)
        {
            _health.Changed -= OnHealthChanged;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Trigger() => _triggers.Writer.TryWrite(true);

    private void OnNodesChanged(NodeSet _) => Trigger();

    private void OnHealthChanged(NodeHealthSnapshot snapshot)
    {
        if (snapshot.Healthy)
        {
            Trigger();
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await _triggers.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                _triggers.Reader.TryRead(out _);
                await LearnAllAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>One pass over every configured node.</summary>
    public async Task LearnAllAsync(CancellationToken cancellationToken)
    {
        var snapshot = nodes.Current;
        var ordered = snapshot.VirtualStorages.Select(vs => (vs.Name, Node: vs.Primary))
            .Concat(snapshot.VirtualStorages.SelectMany(vs => vs.Secondaries.Select(n => (vs.Name, Node: n))))
            .ToList();
        var learned = await Task.WhenAll(ordered.Select(n => LearnAsync(n.Name, n.Node, cancellationToken))).ConfigureAwait(false);

        var configured = ordered.Select(n => (n.Name, n.Node.Storage)).ToHashSet();
        foreach (var key in _declarations.Keys.Where(k => !configured.Contains(k)))
        {
            _declarations.TryRemove(key, out _);
        }

        var byPrecedence = learned.OfType<NodeDeclaration>().ToList();
        var disagreements = registry.Apply(byPrecedence);
        foreach (var disagreement in disagreements)
        {
            Once("disagree " + disagreement, () => RegistryLog.Disagree(logger, disagreement));
        }

        Passes++;
    }

    private async Task<NodeDeclaration?> LearnAsync(string virtualStorage, NodeConnection node, CancellationToken cancellationToken)
    {
        var key = (virtualStorage, node.Storage);
        ReflectionResult result;
        using (node.Acquire())
        {
            result = await ReflectionClient.LearnAsync(node.CallInvoker, null, Timeout, ReflectionLimits.Default, cancellationToken).ConfigureAwait(false);
        }

        var name = $"{virtualStorage}/{node.Storage}";
        var address = node.Address.ToString();
        if (result.Unreachable)
        {
            // Not reachable now: keep what it declared before; it is asked again when it becomes healthy.
            return _declarations.GetValueOrDefault(key);
        }

        var classification = result.Catalog is null ? null : DescriptorClassifier.Classify(result.Catalog);
        var declaration = new NodeDeclaration(virtualStorage, node.Storage, address, result, classification, time.GetUtcNow());
        _declarations[key] = declaration;
        Report(declaration, name, address);
        return declaration;
    }

    private void Report(NodeDeclaration declaration, string name, string address)
    {
        var result = declaration.Reflection;
        if (result.NotServed)
        {
            Once($"notserved {name} {address}", () => RegistryLog.NotServed(logger, name, address));
            return;
        }

        if (result.Error is not null)
        {
            Once($"refused {name} {result.Error}", () => RegistryLog.Refused(logger, name, address, result.Error));
            return;
        }

        foreach (var problem in result.FileProblems)
        {
            Once($"file {name} {problem}", () => RegistryLog.FileSkipped(logger, name, problem));
        }

        var classification = declaration.Classification!;
        foreach (var problem in classification.Problems.Where(p => !IsUnroutedByDesign(p.FullMethod)))
        {
            var fallback = registry.Compiled.TryGet(problem.FullMethod, out _) ? "" : " (the compiled registry does not know it: it is refused as unknown)";
            Once($"method {name} {problem}", () => RegistryLog.Unclassified(logger, name, problem.FullMethod, problem.Problem, fallback));
        }

        var beyond = declaration.BeyondCompiled(registry.Compiled);
        Once($"learned {name} {address} {classification.DeclaredMethods} {string.Join(",", beyond)}",
            () => RegistryLog.Learned(logger, name, address, classification.DeclaredMethods, beyond.Count, beyond.Count == 0 ? "none" : string.Join(", ", beyond)));
    }

    /// <summary>Services that carry no op_type because praefect never routes them (health, reflection).</summary>
    internal static bool IsUnroutedByDesign(string fullMethod) =>
        fullMethod.StartsWith("/grpc.health.", StringComparison.Ordinal) || fullMethod.StartsWith("/grpc.reflection.", StringComparison.Ordinal);

    private void Once(string key, Action log)
    {
        lock (_logged)
        {
            if (!_logged.Add(key))
            {
                return;
            }
        }

        log();
    }

    public void Dispose() => _stopping.Dispose();
}
