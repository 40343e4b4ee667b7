using Microsoft.AspNetCore.Http;
using Praefect.Server.Metrics;
using Praefect.Server.Proxy;
using Praefect.Server.Tests.Health;

namespace Praefect.Server.Tests.Proxy;

public sealed class CallBoundaryMiddlewareTests
{
    private readonly PraefectMetrics _metrics = Praefect.Server.Tests.Metrics.TestMetrics.Create();
    private RecordingLogger<ProxyErrorReporter> _logger = null!;

    [SetUp]
    public void NewLogger() => _logger = new RecordingLogger<ProxyErrorReporter>();

    [Test]
    public async Task InvokeAsync_HandlerThrows_InternalLoggedOnceWithTheCallsFieldsAndCounted()
    {
        var context = Call();
        context.Features.Get<CallFeature>()!.VirtualStorage = "praefect";
        var counter = _metrics.ProxyErrors.WithLabels("internal", "praefect");
        var before = counter.Value;
        var boundary = new CallBoundaryMiddleware(_ => throw new InvalidOperationException("boom"), new ProxyErrorReporter(_logger, _metrics));

        await boundary.InvokeAsync(context);

        Assert.That(context.Response.Headers["grpc-status"].ToString(), Is.EqualTo("13"));
        Assert.That(context.Response.Headers["grpc-message"].ToString(), Is.EqualTo("praefect: internal error: boom"));
        Assert.That(context.Features.Get<CallFeature>()!.ProxyStatus, Is.EqualTo(Grpc.Core.StatusCode.Internal));
        Assert.That(counter.Value - before, Is.EqualTo(1));
        Assert.That(_logger.Entries.Select(e => (e.EventName, e.Message)), Is.EqualTo(new[]
        {
            ("UnhandledException", "Call /gitaly.RepositoryService/RepositoryExists failed with an unexpected exception inside praefect; answered Internal"),
        }));
    }

    [Test]
    public async Task InvokeAsync_HandlerFailsAsynchronously_Internal()
    {
        var context = Call();
        var boundary = new CallBoundaryMiddleware(async _ =>
        {
            await Task.Yield();
            throw new IOException("disk on fire");
        }, new ProxyErrorReporter(_logger, _metrics));

        await boundary.InvokeAsync(context);

        Assert.That(context.Response.Headers["grpc-status"].ToString(), Is.EqualTo("13"));
        Assert.That(context.Response.Headers["grpc-message"].ToString(), Is.EqualTo("praefect: internal error: disk on fire"));
    }

    [Test]
    public async Task InvokeAsync_ClientWentAway_CanceledNotAnError()
    {
        var context = Call();
        using var aborted = new CancellationTokenSource();
        aborted.Cancel();
        context.RequestAborted = aborted.Token;
        var boundary = new CallBoundaryMiddleware(_ => throw new OperationCanceledException(), new ProxyErrorReporter(_logger, _metrics));

        await boundary.InvokeAsync(context);

        Assert.That(context.Response.Headers["grpc-status"].ToString(), Is.EqualTo("1"));
        Assert.That(_logger.Entries.Single().EventName, Is.EqualTo("ClientGone"));
    }

    private static DefaultHttpContext Call()
    {
        var context = new DefaultHttpContext();
        context.Request.Path = "/gitaly.RepositoryService/RepositoryExists";
        context.Features.Set(new CallFeature());
        return context;
    }
}
