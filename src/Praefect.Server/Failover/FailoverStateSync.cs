using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Praefect.Datastore;
using Praefect.Server.Nodes;

namespace Praefect.Server.Failover;

/// <summary>
/// Keeps routing in line with the datastore. At start (before the listeners open): the config's
/// <c>primary: true</c> is recorded as the initial primary when none is recorded yet, otherwise the
/// recorded primary wins (a restart keeps the failover). Then, every second: the recorded primary
/// (another praefect may have failed over) and the lost-writes marks.
/// </summary>
internal sealed class FailoverStateSync(
    INodeConnections nodes,
    IDatastore store,
    FailoverCoordinator coordinator,
    LostWritesGuard guard,
    ILogger<FailoverStateSync> logger,
    TimeProvider time) : IHostedService, IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        foreach (var vs in nodes.Current.VirtualStorages)
        {
            var configured = vs.Primary.Storage;
            var recorded = await store.EnsurePrimaryAsync(vs.Name, configured, cancellationToken).ConfigureAwait(false);
            if (recorded != configured)
            {
                if (vs.Find(recorded) is null)
                {
                    FailoverLog.RecordedPrimaryNotConfigured(logger, vs.Name, recorded, configured);
                }
                else
                {
                    FailoverLog.RecordedPrimaryApplied(logger, vs.Name, recorded, configured);
                }
            }

            await RefreshAsync(vs.Name, cancellationToken).ConfigureAwait(false);
        }

        _loop = LoopAsync(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => _stopping.Dispose();

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RefreshInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                foreach (var vs in nodes.Current.VirtualStorages)
                {
                    try
                    {
                        await RefreshAsync(vs.Name, stoppingToken).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        FailoverLog.RefreshFailed(logger, vs.Name, e.Message);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task RefreshAsync(string virtualStorage, CancellationToken cancellationToken)
    {
        var primary = await coordinator.SyncRecordedPrimaryAsync(virtualStorage, cancellationToken).ConfigureAwait(false);
        await guard.RefreshAsync(virtualStorage, primary, cancellationToken).ConfigureAwait(false);
    }
}
