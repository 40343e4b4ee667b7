namespace Praefect.Logging;

/// <summary>
/// The correlation id of the call or job the code runs for (flows with async calls; null outside one).
/// Every line the formatters write while it is set carries it as <c>correlation_id</c>.
/// </summary>
public static class LogCorrelation
{
    private static readonly AsyncLocal<string?> Flowing = new();

    public static string? Current
    {
        get => Flowing.Value;
        set => Flowing.Value = value;
    }
}
