using System.Globalization;

namespace Praefect.Server.Proxy;

/// <summary>Parses the <c>grpc-timeout</c> header (e.g. <c>100m</c>, <c>5S</c>) into an absolute UTC deadline.</summary>
internal static class GrpcTimeout
{
    public static DateTime? Deadline(string? header)
    {
        if (string.IsNullOrEmpty(header) || header.Length < 2 ||
            !long.TryParse(header.AsSpan(0, header.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return null;
        }

        var ticks = header[^1] switch
        {
            'H' => amount * TimeSpan.TicksPerHour,
            'M' => amount * TimeSpan.TicksPerMinute,
            'S' => amount * TimeSpan.TicksPerSecond,
            'm' => amount * TimeSpan.TicksPerMillisecond,
            'u' => amount * TimeSpan.TicksPerMicrosecond,
            'n' => amount / 100,
            _ => -1,
        };
        return ticks < 0 ? null : DateTime.UtcNow.AddTicks(ticks);
    }
}
