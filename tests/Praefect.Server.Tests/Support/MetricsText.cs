namespace Praefect.Server.Tests.Support;

/// <summary>Reads praefect's Prometheus text from its metrics listener.</summary>
internal static class MetricsText
{
    public static async Task<string> ReadAsync(string listenAddr)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        return await http.GetStringAsync($"http://{listenAddr}/metrics");
    }
}
