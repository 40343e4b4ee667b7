using System.Net;
using System.Net.Sockets;

namespace Praefect.TestSupport;

/// <summary>Ephemeral loopback ports for servers started by tests.</summary>
public static class TestPorts
{
    /// <summary>A port that was free on 127.0.0.1 a moment ago (the OS picks it; a race with other processes is unlikely).</summary>
    public static int GetFree()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
