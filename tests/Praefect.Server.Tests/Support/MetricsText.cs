using Praefect.TestSupport;

namespace Praefect.Server.Tests.Support;

/// <summary>Reads praefect's Prometheus text from its metrics listener.</summary>
internal static class MetricsText
{
    public static async Task<string> ReadAsync(string listenAddr)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        return await http.GetStringAsync($"http://{listenAddr}/metrics");
    }

    /// <summary>
    /// Reads until the text contains every one of <paramref name="expected"/>: a call is counted when
    /// praefect's middleware finishes, which can be just after the client already has the response.
    /// </summary>
    public static async Task<string> WhenContainsAsync(string listenAddr, params string[] expected)
    {
        var text = "";
        await Wait.UntilAsync(async () =>
        {
            text = await ReadAsync(listenAddr);
            return expected.All(line => text.Contains(line, StringComparison.Ordinal));
        }, Wait.Patient, $"/metrics to show {string.Join(" and ", expected)}");
        return text;
    }
}
