using Microsoft.Extensions.Logging;

namespace Praefect.Server.Registry;

internal static partial class RegistryLog
{
    [LoggerMessage(EventId = 900, EventName = "NodeProtocolLearned", Level = LogLevel.Information,
        Message = "Node \"{Node}\" at {Address} declares {DeclaredMethods} methods through reflection; {BeyondCompiled} beyond the compiled registry: {Methods}")]
    public static partial void Learned(ILogger logger, string node, string address, int declaredMethods, int beyondCompiled, string methods);

    [LoggerMessage(EventId = 901, EventName = "NodeReflectionNotServed", Level = LogLevel.Information,
        Message = "Node \"{Node}\" at {Address} serves no reflection; its methods are routed by the compiled registry")]
    public static partial void NotServed(ILogger logger, string node, string address);

    [LoggerMessage(EventId = 902, EventName = "NodeReflectionRefused", Level = LogLevel.Warning,
        Message = "Node \"{Node}\" at {Address}: its reflection answer is not used, the compiled registry routes its methods: {Error}")]
    public static partial void Refused(ILogger logger, string node, string address, string error);

    [LoggerMessage(EventId = 903, EventName = "NodeMethodUnclassified", Level = LogLevel.Warning,
        Message = "Node \"{Node}\" declares method {Method} in a way praefect cannot route ({Problem}); the compiled classification is kept{Fallback}")]
    public static partial void Unclassified(ILogger logger, string node, string method, string problem, string fallback);

    [LoggerMessage(EventId = 904, EventName = "NodeFileSkipped", Level = LogLevel.Warning,
        Message = "Node \"{Node}\": a file of its reflection answer is skipped: {Problem}")]
    public static partial void FileSkipped(ILogger logger, string node, string problem);

    [LoggerMessage(EventId = 905, EventName = "DeclarationsDisagree", Level = LogLevel.Warning,
        Message = "Declarations disagree about {Disagreement}")]
    public static partial void Disagree(ILogger logger, string disagreement);
}
