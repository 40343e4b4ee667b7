using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Praefect.TestSupport;

/// <summary>
/// Loopback ports for servers started by tests. In-process servers listen on port 0 and read the
/// port back (<see cref="BoundPort"/>); an address nobody answers is a port held bound but not
/// listening (<see cref="ReserveUnanswered"/>); child processes get a <see cref="Candidate"/> and
/// are restarted on another one when it was taken in the meantime (<see cref="IsAddressInUse"/>).
/// </summary>
public static class TestPorts
{
    /// <summary>How many times a child process is started on a fresh candidate port when its port was taken.</summary>
    public const int StartAttempts = 5;

    /// <summary>
    /// A port that was free on 127.0.0.1 a moment ago, for a child process that must be told its port.
    /// Another process can take it before the child binds it: start such children through a retry on
    /// <see cref="IsAddressInUse"/>.
    /// </summary>
    public static int Candidate()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// A port held bound on 127.0.0.1 without listening, so connecting to it is refused and no other
    /// process can take it while the returned handle lives: the address of a node that is down.
    /// </summary>
    public static ReservedPort ReserveUnanswered()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return new ReservedPort(socket);
    }

    /// <summary>The port an in-process ASP.NET Core server that listened on port 0 was given.</summary>
    public static int BoundPort(IServer server)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("the server does not report its addresses");
        var address = addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("the server reports no bound address; call it after StartAsync");
        return new Uri(address).Port;
    }

    /// <summary>True when a child's output says it could not bind because the address was taken.</summary>
    public static bool IsAddressInUse(string log) =>
        log.Contains("address already in use", StringComparison.OrdinalIgnoreCase);
}
