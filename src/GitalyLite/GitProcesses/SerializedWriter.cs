using Grpc.Core;

namespace GitalyLite.GitProcesses;

/// <summary>A response stream that stdout and stderr pumps can write to concurrently, one message at a time.</summary>
internal sealed class SerializedWriter<T>(IServerStreamWriter<T> inner)
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task WriteAsync(T message, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await inner.WriteAsync(message, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }
}
