using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Praefect.Protocol.Registry;
using Praefect.Protocol.Rewriting;
using Praefect.Server.Nodes;

namespace Praefect.Server.Routing;

/// <summary>
/// Chooses the node for a call from its first message and rewrites the message for that node.
/// Repository scope: the target Repository must name a virtual storage; it (and an additional
/// Repository on the same virtual storage) is rewritten to the primary's storage name.
/// Server scope: the request's storage_name names the virtual storage; mutators go to every node,
/// each with its own storage name, accessors to the primary. Every other byte is kept.
/// </summary>
internal static class CallRouter
{
    public static bool TryRoute(OperationInfo operation, ReadOnlyMemory<byte> message, NodeSet nodes, [NotNullWhen(true)] out RouteDecision? decision, out string error)
    {
        decision = null;
        if (operation.TargetRepository is { } target)
        {
            return TryRouteRepository(operation, target, message, nodes, out decision, out error);
        }

        if (operation.StorageName is { } storageField)
        {
            return TryRouteStorage(operation, storageField, message, nodes, out decision, out error);
        }

        // No repository and no storage in the request: only unambiguous with one virtual storage.
        if (nodes.VirtualStorages.Count == 1)
        {
            var only = nodes.VirtualStorages[0];
            decision = new RouteDecision(only, only.Primary, message.ToArray(), null, RouteDecision.NoFanOut);
            error = "";
            return true;
        }

        error = $"{operation.FullMethod} names no repository or storage, so praefect cannot choose among the virtual storages {nodes.KnownNames}";
        return false;
    }

    private static bool TryRouteRepository(OperationInfo operation, FieldPath target, ReadOnlyMemory<byte> message, NodeSet nodes, out RouteDecision? decision, out string error)
    {
        decision = null;
        if (!RawRepository.TryRead(message.Span, target, out var repository, out var readError))
        {
            error = "malformed request: " + readError;
            return false;
        }

        if (repository is not { } repo || repo.StorageName.Length == 0)
        {
            error = $"empty storage name in the target repository; set storage_name to one of the virtual storages {nodes.KnownNames}";
            return false;
        }

        if (!nodes.TryGet(repo.StorageName, out var virtualStorage))
        {
            error = $"virtual storage \"{repo.StorageName}\" does not exist; known virtual storages: {nodes.KnownNames}";
            return false;
        }

        if (repo.RelativePath.Length == 0)
        {
            error = $"empty relative path in the target repository on virtual storage \"{repo.StorageName}\"; set relative_path";
            return false;
        }

        var primary = virtualStorage.Primary;
        if (!TryRewrite(operation, target, message.Span, virtualStorage.Name, primary.Storage, out var rented, out var length, out var rewriteError))
        {
            error = "malformed request: " + rewriteError;
            return false;
        }

        decision = new RouteDecision(virtualStorage, primary, rented.AsMemory(0, length), repo.RelativePath, RouteDecision.NoFanOut, rented);
        error = "";
        return true;
    }

    // The target (and additional) Repository rewritten into one pooled buffer; only a request with an
    // additional repository (rare) needs an intermediate copy.
    private static bool TryRewrite(OperationInfo operation, FieldPath target, ReadOnlySpan<byte> message, string from, string to, out byte[] rented, out int length, out string error)
    {
        if (operation.AdditionalRepository is not { } additional)
        {
            return RawRepository.TryRewriteStorage(message, target, from, to, ArrayPool<byte>.Shared, out rented, out length, out error);
        }

        if (!RawRepository.TryRewriteStorage(message, target, from, to, out var first, out error))
        {
            (rented, length) = ([], 0);
            return false;
        }

        return RawRepository.TryRewriteStorage(first, additional, from, to, ArrayPool<byte>.Shared, out rented, out length, out error);
    }

    /// <summary>Sends a routed repository call to another node of the same virtual storage, rewriting its storage names.</summary>
    public static bool TryRetarget(OperationInfo operation, RouteDecision route, NodeConnection node, out RouteDecision retargeted, out string error)
    {
        retargeted = route;
        if (operation.TargetRepository is not { } target ||
            !TryRewrite(operation, target, route.Message.Span, route.Target.Storage, node.Storage, out var rented, out var length, out _))
        {
            error = "malformed request: cannot route the read to " + node.Storage;
            return false;
        }

        if (route.Rented is { } previous)
        {
            ArrayPool<byte>.Shared.Return(previous);
        }

        retargeted = route with { Target = node, Message = rented.AsMemory(0, length), Rented = rented };
        error = "";
        return true;
    }

    private static bool TryRouteStorage(OperationInfo operation, FieldPath storageField, ReadOnlyMemory<byte> message, NodeSet nodes, out RouteDecision? decision, out string error)
    {
        decision = null;
        if (!TryReadString(operation, storageField, message, out var storage, out error))
        {
            return false;
        }

        if (storage.Length == 0)
        {
            error = $"empty storage name; set storage_name to one of the virtual storages {nodes.KnownNames}";
            return false;
        }

        if (!nodes.TryGet(storage, out var virtualStorage))
        {
            error = $"virtual storage \"{storage}\" does not exist; known virtual storages: {nodes.KnownNames}";
            return false;
        }

        if (!RawRepository.TryRewriteString(message.Span, storageField, virtualStorage.Primary.Storage, out var forPrimary, out error))
        {
            return false;
        }

        var fanOut = new List<(NodeConnection, byte[])>();
        if (operation.Kind == OperationKind.Mutator)
        {
            foreach (var node in virtualStorage.Secondaries)
            {
                if (!RawRepository.TryRewriteString(message.Span, storageField, node.Storage, out var forNode, out error))
                {
                    return false;
                }

                fanOut.Add((node, forNode));
            }
        }

        decision = new RouteDecision(virtualStorage, virtualStorage.Primary, forPrimary, null, fanOut);
        error = "";
        return true;
    }

    private static bool TryReadString(OperationInfo operation, FieldPath path, ReadOnlyMemory<byte> message, out string value, out string error)
    {
        if (!RawRepository.TryReadString(message.Span, path, out value, out error))
        {
            error = $"malformed request of {operation.FullMethod}: {error}";
            return false;
        }

        return true;
    }
}
