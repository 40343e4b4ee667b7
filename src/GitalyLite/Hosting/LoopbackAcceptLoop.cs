using System.Net.Sockets;

namespace GitalyLite.Hosting;

/// <summary>
/// The accept loop of gitaly-lite's private loopback listeners (the upload-pack relay, the vote relay):
/// each connection is served on its own task; the loop ends when stopping is requested or the listener closes.
/// </summary>
internal static class LoopbackAcceptLoop
{
    public static async Task RunAsync(TcpListener listener, Func<Socket, Task> serve, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(stopping);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = Task.Run(() => serve(socket));
        }
    }
}
