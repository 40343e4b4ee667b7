using Grpc.Core;

namespace GitalyLite.Logging;

/// <summary>Per-call fields that the services fill in and the logging interceptor writes out.</summary>
internal sealed class CallLogFields
{
    private static readonly object Key = new();

    public string Storage { get; private set; } = "";
    public string RelativePath { get; private set; } = "";

    public void SetRepository(string storage, string relativePath)
    {
        Storage = storage;
        RelativePath = relativePath;
    }

    public static CallLogFields Attach(ServerCallContext context)
    {
        var fields = new CallLogFields();
        context.UserState[Key] = fields;
        return fields;
    }

    public static CallLogFields? Of(ServerCallContext context) =>
        context.UserState.TryGetValue(Key, out var value) ? value as CallLogFields : null;
}
