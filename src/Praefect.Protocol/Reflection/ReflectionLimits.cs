namespace Praefect.Protocol.Reflection;

/// <summary>Bounds on what a node's reflection answer may hold before praefect stops reading and keeps the compiled registry.</summary>
/// <param name="MaxServices">Services listed (default 1000).</param>
/// <param name="MaxFiles">Files received (default 2000).</param>
/// <param name="MaxBytes">Serialized bytes received in all (default 16 MiB).</param>
public sealed record ReflectionLimits(int MaxServices = 1000, int MaxFiles = 2000, long MaxBytes = 16L * 1024 * 1024)
{
    public static readonly ReflectionLimits Default = new();
}
