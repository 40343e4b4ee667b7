using System.Net;
using System.Net.Sockets;

namespace Praefect.TestSupport;

/// <summary>A loopback port held bound but not listening (connections to it are refused); disposing frees it.</summary>
public sealed class ReservedPort : IDisposable
{
    private readonly Socket _socket;

    internal ReservedPort(Socket socket)
    {
        _socket = socket;
        Port = ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    public int Port { get; }

    /// <summary><c>tcp://127.0.0.1:port</c>.</summary>
    public string Address => $"tcp://127.0.0.1:{Port}";

    public void Dispose() => _socket.Dispose();
}
