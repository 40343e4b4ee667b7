using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Praefect.Datastore;
using Praefect.Protocol.Registry;
using Praefect.Protocol.Rewriting;
using Praefect.Protocol.Transactions;
using Praefect.Server.Hosting;
using Praefect.Server.Nodes;
using Praefect.Server.Nodes.Health;
using Praefect.Server.Replication;
using Praefect.Server.Routing;

namespace Praefect.Server.Transactions;

/// <summary>
/// Turns a routed ref-changing mutator (<see cref="TransactionalMethods"/>) into a reference transaction
/// when <c>transactions.enabled</c>: registers the transaction with the primary and every healthy secondary
/// that holds the repository's current generation as voters, adds the two transaction headers to the
/// primary's call, and starts the same call on each secondary (its own storage name, token and headers) with
/// the client's stream duplicated to it. Only the primary's answer goes to the client. The returned ticket
/// settles the replication once the calls end (<see cref="TransactionalTicket"/>).
/// </summary>
internal sealed class TransactionalFanOut(
    TransactionRegistry registry,
    IDatastore datastore,
    INodeHealth health,
    PraefectOptions options,
    ILogger<TransactionalFanOut> logger)
{
    /// <summary>How long a secondary may take when the client set no deadline.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    public async ValueTask<IReplicationTicket?> StartAsync(HttpContext context, OperationInfo operation, RouteDecision route, IReplicationTicket? ticket)
    {
        var config = options.Config.Transactions;
        if (!config.Enabled || ticket is null || route is not { VirtualStorage: { } virtualStorage, RelativePath: { } relativePath } ||
            operation.TargetRepository is not { } target || !TransactionalMethods.All.Contains(operation.FullMethod))
        {
            return ticket;
        }

        var primary = route.Target;
        var secondaries = new List<(NodeConnection Node, byte[] Message)>();
        foreach (var node in await UpToDateSecondariesAsync(virtualStorage, relativePath, primary, context.RequestAborted).ConfigureAwait(false))
        {
            if (RawRepository.TryRewriteStorage(route.Message.Span, target, primary.Storage, node.Storage, out var message, out _))
            {
                secondaries.Add((node, message));
            }
        }

        var (voters, threshold) = QuorumPolicy.Build(config.Quorum, primary.Storage, secondaries.Select(s => s.Node.Storage).ToList());
        var transaction = registry.Register(voters, threshold, TimeSpan.FromSeconds(config.VoteTimeoutSeconds));
        var server = PraefectServerHeader(options).Encode();
        context.Request.Headers[ReferenceTransaction.HeaderName] = new ReferenceTransaction(transaction.Id, primary.Storage, Primary: true).Encode();
        context.Request.Headers[PraefectServer.HeaderName] = server;

        var timeout = GrpcTimeoutOf(context) ?? DefaultTimeout;
        var cancel = new CancellationTokenSource(timeout);
        var calls = new List<SecondaryCall>(secondaries.Count);
        foreach (var (node, message) in secondaries)
        {
            var headers = ForwardedHeaders(context);
            headers.Add((ReferenceTransaction.HeaderName, new ReferenceTransaction(transaction.Id, node.Storage, Primary: false).Encode()));
            headers.Add((PraefectServer.HeaderName, server));
            var call = SecondaryCall.Start(node, context.Request.Path.Value ?? operation.FullMethod, message, headers, cancel.Token);
            _ = call.Outcome.ContinueWith(_ => transaction.Drop(node.Storage), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            calls.Add(call);
        }

        var tee = new TeeRequestStream(context.Request.Body, 5L + route.Message.Length, calls.Select(c => c.Pipe.Writer).ToList());
        context.Request.Body = tee;
        return new TransactionalTicket(ticket, registry, transaction, primary.Storage, virtualStorage.Name, relativePath, calls, tee, cancel, logger);
    }

    private async Task<IReadOnlyList<NodeConnection>> UpToDateSecondariesAsync(VirtualStorageNodes virtualStorage, string relativePath, NodeConnection primary, CancellationToken cancellationToken)
    {
        if (virtualStorage.Secondaries.Count == 0)
        {
            return [];
        }

        RepositoryGenerations? generations;
        try
        {
            generations = await datastore.GetGenerationsAsync(virtualStorage.Name, relativePath, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Not knowing who is up to date, only the primary votes; the secondaries get their jobs as without transactions.
            TransactionsLog.NoGenerations(logger, virtualStorage.Name, relativePath, e.Message, e);
            return [];
        }

        var candidates = ReadReplicaPolicy.Candidates(primary.Storage, virtualStorage.Nodes.Select(n => n.Storage), generations,
            storage => health.IsHealthy(virtualStorage.Name, storage));
        return virtualStorage.Secondaries.Where(n => n.Storage != primary.Storage && candidates.Contains(n.Storage)).ToList();
    }

    private static PraefectServer PraefectServerHeader(PraefectOptions options)
    {
        var config = options.Config;
        return new PraefectServer(
            config.ListenAddr.Length > 0 ? "tcp://" + config.ListenAddr : "",
            config.TlsListenAddr.Length > 0 ? "tls://" + config.TlsListenAddr : "",
            config.SocketPath.Length > 0 ? "unix:" + config.SocketPath : "",
            config.Auth.Token);
    }

    private static List<(string, string)> ForwardedHeaders(HttpContext context)
    {
        var headers = new List<(string, string)>();
        foreach (var name in (string[])["grpc-timeout", "grpc-encoding", "grpc-accept-encoding", "x-gitlab-correlation-id", "user-agent"])
        {
            if (context.Request.Headers[name] is { Count: > 0 } value)
            {
                headers.Add((name, value.ToString()));
            }
        }

        return headers;
    }

    private static TimeSpan? GrpcTimeoutOf(HttpContext context) =>
        Proxy.GrpcTimeout.Deadline(context.Request.Headers["grpc-timeout"]) is { } deadline
            ? TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, (deadline - DateTime.UtcNow).Ticks))
            : null;
}
