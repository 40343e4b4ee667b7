using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;

namespace Praefect.Bench;

/// <summary>
/// Drives one gRPC method with raw bytes (no message parsing on the client) from N concurrent
/// workers for a fixed time after a warm-up, and checks every call's status.
/// </summary>
internal static class LoadGenerator
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    /// <param name="windowStarting">Called between the warm-up and the measured window (e.g. to sample a counter).</param>
    public static async Task<LoadResult> RunAsync(GrpcChannel channel, string service, string method, byte[] request, Metadata headers, int concurrency, TimeSpan duration, TimeSpan warmup, Action? windowStarting = null)
    {
        var definition = new Method<byte[], byte[]>(MethodType.ServerStreaming, service, method, Bytes, Bytes);
        var invoker = channel.CreateCallInvoker();
        await RunWindowAsync(invoker, definition, request, headers, concurrency, warmup);
        windowStarting?.Invoke();
        return await RunWindowAsync(invoker, definition, request, headers, concurrency, duration);
    }

    private static async Task<LoadResult> RunWindowAsync(CallInvoker invoker, Method<byte[], byte[]> method, byte[] request, Metadata headers, int concurrency, TimeSpan duration)
    {
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<double>(100_000);
            var errors = 0;
            long bytes = 0;
            while (stopwatch.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var call = invoker.AsyncServerStreamingCall(method, null, new CallOptions(headers), request);
                    while (await call.ResponseStream.MoveNext(CancellationToken.None))
                    {
                        bytes += call.ResponseStream.Current.Length;
                    }

                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
                }
                catch (RpcException)
                {
                    errors++;
                }
            }

            return (latencies, errors, bytes);
        })).ToArray();
        var results = await Task.WhenAll(workers);
        var elapsed = stopwatch.Elapsed;
        var all = results.SelectMany(r => r.latencies).ToArray();
        return new LoadResult(all.Length, results.Sum(r => r.errors), elapsed, all, results.Sum(r => r.bytes));
    }
}
