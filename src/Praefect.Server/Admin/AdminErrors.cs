using Grpc.Core;
using Praefect.Server.Nodes;

namespace Praefect.Server.Admin;

/// <summary>The admin API's request errors, each naming the subject, the problem and the fix.</summary>
internal static class AdminErrors
{
    public static VirtualStorageNodes VirtualStorage(NodeSet nodes, string name) =>
        nodes.TryGet(name, out var vs)
            ? vs
            : throw new RpcException(new Status(StatusCode.NotFound, $"virtual storage \"{name}\" does not exist; known virtual storages: {nodes.KnownNames}"));

    public static void Storage(VirtualStorageNodes vs, string storage, string option)
    {
        if (vs.Find(storage) is null)
        {
            var names = string.Join(", ", vs.Nodes.Select(n => "\"" + n.Storage + "\""));
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"{option} \"{storage}\" is not a node of virtual storage \"{vs.Name}\"; its nodes are {names}"));
        }
    }

    public static void Required(string value, string option)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"{option} is empty; set it"));
        }
    }
}
