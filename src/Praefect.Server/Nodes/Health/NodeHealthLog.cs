using Microsoft.Extensions.Logging;

namespace Praefect.Server.Nodes.Health;

/// <summary>Log events of the health checker.</summary>
internal static partial class NodeHealthLog
{
    [LoggerMessage(EventId = 801, EventName = "NodeUnhealthy", Level = LogLevel.Warning,
        Message = "Node '{Storage}' of virtual storage '{VirtualStorage}' is unhealthy after {Failures} failed health checks: {LastError}.")]
    public static partial void NodeUnhealthy(ILogger logger, string virtualStorage, string storage, int failures, string lastError);

    [LoggerMessage(EventId = 802, EventName = "NodeHealthy", Level = LogLevel.Information,
        Message = "Node '{Storage}' of virtual storage '{VirtualStorage}' is healthy again after {Successes} good health checks.")]
    public static partial void NodeHealthy(ILogger logger, string virtualStorage, string storage, int successes);

    [LoggerMessage(EventId = 803, EventName = "HealthCheckFailed", Level = LogLevel.Debug,
        Message = "Health check of node '{Storage}' of virtual storage '{VirtualStorage}' failed: {Error}.")]
    public static partial void HealthCheckFailed(ILogger logger, string virtualStorage, string storage, string error);
}
