namespace Praefect.Protocol.Registry;

/// <summary>
/// Repository: the request names one target Repository and is routed by it.
/// Server: the request concerns a storage or the whole server.
/// </summary>
public enum OperationScope
{
    Repository,
    Server,
}
