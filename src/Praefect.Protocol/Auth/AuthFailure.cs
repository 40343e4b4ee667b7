namespace Praefect.Protocol.Auth;

/// <summary>Why a Gitaly token was not accepted. <see cref="None"/> means it was.</summary>
public enum AuthFailure
{
    None,
    /// <summary>No <c>authorization</c> header, or not a Bearer token. gRPC: Unauthenticated.</summary>
    Missing,
    /// <summary>The token names a version other than v1 or v2. gRPC: Unauthenticated.</summary>
    UnknownVersion,
    /// <summary>A v2 token that is not <c>v2.&lt;hex&gt;.&lt;seconds&gt;</c>. gRPC: Unauthenticated.</summary>
    Malformed,
    /// <summary>The signature (v2) or the secret (v1) does not match. gRPC: PermissionDenied.</summary>
    WrongSignature,
    /// <summary>A v2 token older than the allowed skew. gRPC: PermissionDenied.</summary>
    Expired,
    /// <summary>A v2 token from further in the future than the allowed skew. gRPC: PermissionDenied.</summary>
    FromTheFuture,
}
