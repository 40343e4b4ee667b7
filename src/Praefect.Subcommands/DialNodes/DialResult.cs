using System.Globalization;

namespace Praefect.Subcommands.DialNodes;

/// <summary>The outcome of dialling one node; <see cref="Problem"/> is null when every check passed.</summary>
internal sealed record DialResult(string VirtualStorage, string Storage, string Address, TimeSpan Latency, string? Problem)
{
    public bool Succeeded => Problem is null;

    public string Describe()
    {
        var name = $"{VirtualStorage}/{Storage} {Address}";
        var latency = Latency.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms";
        return Succeeded
            ? $"{name}: ok (health SERVING, storage readable and writeable) in {latency}"
            : $"{name}: FAILED after {latency}: {Problem}";
    }
}
