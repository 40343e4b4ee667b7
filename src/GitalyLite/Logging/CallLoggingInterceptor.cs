using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using Praefect.Logging;
using Praefect.Protocol.Metadata;

namespace GitalyLite.Logging;

/// <summary>
/// Outermost interceptor: one structured log line per call (method, storage, relative path, code,
/// duration, and the caller's correlation id). Unexpected exceptions become Internal here, the only place that maps them.
/// Unimplemented methods of registered services get a message naming the method.
/// </summary>
internal sealed class CallLoggingInterceptor(ILogger<CallLoggingInterceptor> logger) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation) =>
        Observe(context, () => continuation(request, context));

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        Observe(context, () => continuation(requestStream, context));

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation) =>
        Observe(context, async () => { await continuation(request, responseStream, context); return true; });

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        Observe(context, async () => { await continuation(requestStream, responseStream, context); return true; });

    private async Task<T> Observe<T>(ServerCallContext context, Func<Task<T>> call)
    {
        var fields = CallLogFields.Attach(context);

        // The caller's correlation id (praefect sends its call's or its job's) on every line written for this call.
        LogCorrelation.Current = context.RequestHeaders.GetValue(CorrelationId.HeaderName);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await call();
            var level = context.Method.StartsWith("/grpc.health.v1.Health/", StringComparison.Ordinal) ? LogLevel.Debug : LogLevel.Information;
            Log.CallFinished(logger, level, context.Method, fields.Storage, fields.RelativePath, nameof(StatusCode.OK), Elapsed(started));
            return result;
        }
        catch (RpcException e)
        {
            var status = e.StatusCode == StatusCode.Unimplemented && string.IsNullOrEmpty(e.Status.Detail)
                ? new Status(StatusCode.Unimplemented, $"method {context.Method} is not implemented by gitaly-lite")
                : e.Status;
            Log.CallFailed(logger, context.Method, fields.Storage, fields.RelativePath, status.StatusCode.ToString(), Elapsed(started), status.Detail);
            throw status.Equals(e.Status) ? e : new RpcException(status, e.Trailers);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            Log.CallFailed(logger, context.Method, fields.Storage, fields.RelativePath, nameof(StatusCode.Cancelled), Elapsed(started), "the client cancelled the call");
            throw new RpcException(new Status(StatusCode.Cancelled, "the client cancelled the call"));
        }
        catch (Exception e)
        {
            Log.UnexpectedError(logger, context.Method, e);
            Log.CallFailed(logger, context.Method, fields.Storage, fields.RelativePath, nameof(StatusCode.Internal), Elapsed(started), e.Message);
            throw new RpcException(new Status(StatusCode.Internal, e.Message));
        }
    }

    private static double Elapsed(long started) => Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 3);
}
