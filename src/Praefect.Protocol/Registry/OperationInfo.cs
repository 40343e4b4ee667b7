namespace Praefect.Protocol.Registry;

/// <summary>Everything praefect needs to route one Gitaly method.</summary>
/// <param name="FullMethod">The HTTP/2 path, e.g. <c>/gitaly.SSHService/SSHReceivePack</c>.</param>
/// <param name="TargetRepository">Repository scope: where the target Repository sits in the request.</param>
/// <param name="AdditionalRepository">Another Repository beside the target (e.g. FetchInternalRemoteRequest.remote_repository), rewritten too when it names the same virtual storage.</param>
/// <param name="StorageName">Server scope: the request's <c>storage_name</c> string field, if any.</param>
public sealed record OperationInfo(
    string FullMethod,
    string ServiceName,
    string MethodName,
    StreamingKind Streaming,
    OperationKind Kind,
    OperationScope Scope,
    FieldPath? TargetRepository,
    FieldPath? AdditionalRepository,
    FieldPath? StorageName);
