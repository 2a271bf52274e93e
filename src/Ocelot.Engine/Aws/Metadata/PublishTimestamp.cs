using System.Globalization;

namespace Ocelot.Engine.Aws.Metadata;

/// <summary>Formats publish times exactly like Python's <c>datetime.now(timezone.utc).isoformat()</c>.</summary>
public static class PublishTimestamp
{
    public static string Now(TimeProvider? clock = null) => Format((clock ?? TimeProvider.System).GetUtcNow());

    public static string Format(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        // Python truncates to microseconds and leaves the fraction out entirely when it is zero.
        var format = utc.Ticks / 10 % 1_000_000 == 0 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.ffffff";
        return utc.ToString(format, CultureInfo.InvariantCulture) + "+00:00";
    }
}
