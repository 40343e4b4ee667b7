namespace Praefect.Datastore.Sql;

/// <summary>Times are stored as unix milliseconds (UTC) in both backends.</summary>
internal static class UnixMillis
{
    public static long From(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static DateTimeOffset To(long millis) => DateTimeOffset.FromUnixTimeMilliseconds(millis);

    public static DateTimeOffset? To(long? millis) => millis is { } value ? To(value) : null;

    /// <summary>Clamps far-future sentinels such as <see cref="DateTimeOffset.MaxValue"/>.</summary>
    public static long FromClamped(DateTimeOffset time) =>
        time == DateTimeOffset.MaxValue ? long.MaxValue : From(time);
}
