namespace Praefect.Protocol.Auth;

/// <summary>The outcome of checking one request's token.</summary>
public readonly record struct AuthResult(AuthFailure Failure, string Version)
{
    public bool Succeeded => Failure == AuthFailure.None;

    /// <summary>True when the failure means "no credentials" (Unauthenticated) rather than "bad credentials" (PermissionDenied).</summary>
    public bool IsUnauthenticated => Failure is AuthFailure.Missing or AuthFailure.UnknownVersion or AuthFailure.Malformed;

    /// <summary>A message safe to return to the client: it never contains the token.</summary>
    public string Message => Failure switch
    {
        AuthFailure.None => "authenticated",
        AuthFailure.Missing => "authentication required: send 'authorization: Bearer <token>'",
        AuthFailure.UnknownVersion => "authentication failed: unknown token version",
        AuthFailure.Malformed => "authentication failed: malformed v2 token",
        AuthFailure.WrongSignature => "permission denied: wrong token",
        AuthFailure.Expired => "permission denied: token expired",
        AuthFailure.FromTheFuture => "permission denied: token timestamp is in the future",
        _ => "authentication failed",
    };
}
