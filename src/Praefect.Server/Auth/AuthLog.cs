using Microsoft.Extensions.Logging;
using Praefect.Protocol.Auth;

namespace Praefect.Server.Auth;

internal static partial class AuthLog
{
    [LoggerMessage(EventId = 200, EventName = "AuthRejected", Level = LogLevel.Information,
        Message = "Call {GrpcMethod} rejected: {Failure}")]
    public static partial void Rejected(ILogger logger, string grpcMethod, AuthFailure failure);

    [LoggerMessage(EventId = 201, EventName = "AuthTransitioning", Level = LogLevel.Information,
        Message = "Call {GrpcMethod} would be rejected ({Failure}) but auth.transitioning lets it through")]
    public static partial void Transitioning(ILogger logger, string grpcMethod, AuthFailure failure);

    [LoggerMessage(EventId = 202, EventName = "AuthDisabled", Level = LogLevel.Warning,
        Message = "auth.token is empty: calls are not authenticated. Set praefect['auth_token'] in gitlab.rb and reconfigure.")]
    public static partial void Disabled(ILogger logger);
}
