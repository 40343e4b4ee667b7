using Gitaly;
using Grpc.Core;

namespace Praefect.Server.Tests.Support;

/// <summary>Shared behaviour of the scripted services: recording, echoing headers, failing and hanging on request.</summary>
internal static class ScriptedCalls
{
    public const string EchoHeader = "x-test-echo";
    public const string TrailerName = "x-test-trailer";
    public const string BinaryTrailerName = "x-test-trailer-bin";
    public static readonly byte[] BinaryTrailerValue = [0, 1, 2, 254, 255];

    public static async Task BeginAsync(ScriptedNodeState state, ServerCallContext context, Repository? repository)
    {
        var headers = context.RequestHeaders.Where(h => !h.IsBinary).GroupBy(h => h.Key).ToDictionary(g => g.Key, g => g.Last().Value);
        state.Calls.Enqueue(new ObservedCall(context.Method, repository?.StorageName ?? "", repository?.RelativePath ?? "", headers, context.Deadline));

        if (repository?.RelativePath == "fail.git")
        {
            throw new RpcException(new Status(StatusCode.NotFound, "scripted node: repository fail.git not found"),
                new Metadata { { TrailerName, "failed" } });
        }

        if (repository?.RelativePath == "hang.git")
        {
            await HangAsync(state, context);
        }

        var echo = context.RequestHeaders.GetValue(EchoHeader);
        if (echo is not null)
        {
            await context.WriteResponseHeadersAsync(new Metadata { { EchoHeader, echo } });
        }

        context.ResponseTrailers.Add(TrailerName, "done");
        context.ResponseTrailers.Add(BinaryTrailerName, BinaryTrailerValue);
    }

    public static async Task HangAsync(ScriptedNodeState state, ServerCallContext context)
    {
        state.HangStarted.TrySetResult(context.Method);
        try
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            state.CancellationSeen.TrySetResult(context.Method);
            throw;
        }
    }
}
