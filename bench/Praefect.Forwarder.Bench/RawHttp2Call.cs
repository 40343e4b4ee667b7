using System.Buffers;
using System.Threading.Tasks.Sources;

namespace Praefect.Forwarder.Bench;

/// <summary>
/// One call in flight on a <see cref="RawHttp2Connection"/>: filled and completed by the connection's read loop,
/// which also runs the caller's continuation (no hop to the thread pool).
/// </summary>
internal sealed class RawHttp2Call : IValueTaskSource<RawHttp2Response>
{
    private ManualResetValueTaskSourceCore<RawHttp2Response> _source = new() { RunContinuationsAsynchronously = false };

    public int Status { get; set; }

    public bool HeadersSeen { get; set; }

    public ArrayBufferWriter<byte> Data { get; } = new(256);

    public List<(string Name, string Value)> Trailers { get; } = [];

    public ValueTask<RawHttp2Response> Task => new(this, _source.Version);

    public void Complete() => _source.SetResult(new RawHttp2Response(Status, Data.WrittenMemory, Trailers));

    public void Fail(Exception exception) => _source.SetException(exception);

    public RawHttp2Response GetResult(short token) => _source.GetResult(token);

    public ValueTaskSourceStatus GetStatus(short token) => _source.GetStatus(token);

    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _source.OnCompleted(continuation, state, token, flags);
}
