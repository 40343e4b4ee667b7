using Grpc.Core;
using Grpc.Net.Client;
using Praefect.Protocol.Addressing;

namespace Praefect.Server.Nodes;

/// <summary>
/// The pooled HTTP/2 connection set to one node, created once and shared by the forwarder
/// (<see cref="HttpInvoker"/>), praefect's own calls and the replicator (<see cref="CallInvoker"/>).
/// Every request carries a v2 token for the node's own secret. Survives reloads that keep the
/// address; a retired connection is disposed when its last call ends.
/// </summary>
internal sealed class NodeConnection : IDisposable
{
    private readonly NodeTokenHandler _tokenHandler;
    private readonly GrpcChannel _channel;
    private int _inFlight;
    private int _retired;
    private int _disposed;

    internal NodeConnection(string storage, GitalyAddress address, string token)
    {
        Storage = storage;
        Address = address;
        _tokenHandler = new NodeTokenHandler(NodeHttpHandlerFactory.Create(address), token);
        HttpInvoker = new HttpMessageInvoker(_tokenHandler, disposeHandler: false);
        // Given an HttpClient (not a handler), the channel uses the handler as is: no load-balancing
        // subchannels, so the forwarder can send raw requests on the same connections.
        _channel = GrpcChannel.ForAddress(address.DialUri, new GrpcChannelOptions
        {
            HttpClient = new HttpClient(_tokenHandler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan },
            DisposeHttpClient = true,
            MaxReceiveMessageSize = null,
            MaxSendMessageSize = null,
        });
        CallInvoker = _channel.CreateCallInvoker();
    }

    /// <summary>The node's storage name (what its Repository.storage_name must say).</summary>
    public string Storage { get; }

    public GitalyAddress Address { get; }

    /// <summary>For raw HTTP/2 forwarding; requests go to <see cref="DestinationPrefix"/> + path.</summary>
    public HttpMessageInvoker HttpInvoker { get; }

    /// <summary>For gRPC calls to the node (generated clients accept it).</summary>
    public CallInvoker CallInvoker { get; }

    public string DestinationPrefix => Address.DialUri;

    /// <summary>The secret praefect presents to this node (for the gitaly-servers header). Never log it.</summary>
    public string Token
    {
        get => _tokenHandler.Secret;
        internal set => _tokenHandler.Secret = value;
    }

    /// <summary>Marks a call in flight so a reload does not dispose the connection under it.</summary>
    public Lease Acquire()
    {
        Interlocked.Increment(ref _inFlight);
        return new Lease(this);
    }

    internal void Retire()
    {
        Interlocked.Exchange(ref _retired, 1);
        if (Volatile.Read(ref _inFlight) == 0)
        {
            Dispose();
        }
    }

    private void Release()
    {
        if (Interlocked.Decrement(ref _inFlight) == 0 && Volatile.Read(ref _retired) == 1)
        {
            Dispose();
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _channel.Dispose();
            HttpInvoker.Dispose();
            _tokenHandler.Dispose();
        }
    }

    /// <summary>Ends the call's hold on the connection.</summary>
    public readonly struct Lease(NodeConnection connection) : IDisposable
    {
        public void Dispose() => connection.Release();
    }
}
