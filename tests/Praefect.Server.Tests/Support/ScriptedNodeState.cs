using System.Collections.Concurrent;

namespace Praefect.Server.Tests.Support;

/// <summary>What a <see cref="ScriptedNode"/> saw: one entry per call, plus signals tests wait on.</summary>
public sealed class ScriptedNodeState
{
    private volatile string _secret;

    public ScriptedNodeState(string storage, string secret)
    {
        Storage = storage;
        _secret = secret;
    }

    public string Storage { get; }

    /// <summary>The token secret the node accepts now (v2 tokens only, like praefect sends).</summary>
    public string Secret
    {
        get => _secret;
        set => _secret = value;
    }

    public ConcurrentQueue<ObservedCall> Calls { get; } = new();

    /// <summary>Completed with the method name when a call's cancellation reached the node.</summary>
    public TaskCompletionSource<string> CancellationSeen { get; private set; } = NewSignal();

    /// <summary>Completed when a hanging call has started on the node.</summary>
    public TaskCompletionSource<string> HangStarted { get; private set; } = NewSignal();

    public (long Bytes, string Sha256) LastUpload { get; set; }

    public void ResetSignals()
    {
        CancellationSeen = NewSignal();
        HangStarted = NewSignal();
    }

    private static TaskCompletionSource<string> NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <param name="Deadline">The deadline the node's gRPC server derived from grpc-timeout (MaxValue when none).</param>
public sealed record ObservedCall(string Method, string StorageName, string RelativePath, IReadOnlyDictionary<string, string> Headers, DateTime Deadline);
