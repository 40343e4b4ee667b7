using Praefect.Protocol.Registry;

namespace Praefect.Server.Registry;

/// <summary>How the proxy finds the routing facts of a method: the merged registry (nodes first, compiled 1.37 as the fallback).</summary>
internal interface IOperationLookup
{
    bool TryGet(string fullMethod, out OperationInfo operation);
}
