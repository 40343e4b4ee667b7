using Microsoft.AspNetCore.Http.Features;

namespace Praefect.Server.Proxy;

/// <summary>
/// Stands in for Kestrel's <see cref="IHttpResetFeature"/> while a call is forwarded. YARP resets the
/// client's HTTP/2 stream when the node fails after the response started, which gives the client no
/// status at all; this records the request instead, so the forwarder can end the call with trailers
/// (grpc-status Unavailable naming the node) when the node was at fault, and reset for real otherwise.
/// </summary>
internal sealed class DeferredStreamReset(IHttpResetFeature? inner) : IHttpResetFeature
{
    /// <summary>True once YARP asked for a reset.</summary>
    public bool Requested { get; private set; }

    private int _errorCode;

    public void Reset(int errorCode)
    {
        Requested = true;
        _errorCode = errorCode;
    }

    /// <summary>Performs the reset YARP asked for (when no gRPC status can replace it).</summary>
    public void ResetNow(Microsoft.AspNetCore.Http.HttpContext context)
    {
        if (!Requested)
        {
            return;
        }

        if (inner is not null)
        {
            inner.Reset(_errorCode);
        }
        else
        {
            context.Abort();
        }
    }
}
