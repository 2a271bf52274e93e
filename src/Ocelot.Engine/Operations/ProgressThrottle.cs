using System.Diagnostics;

namespace Ocelot.Engine.Operations;

/// <summary>
/// Lets a fast stream of byte counts through at a rate a terminal can show: the first and the last update always, others
/// at most once per interval. A stage change is not throttled: callers report it directly.
/// </summary>
public sealed class ProgressThrottle(TimeSpan interval)
{
    /// <summary>Four updates a second: fast enough to look live, slow enough not to cost the upload anything.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(250);

    private long _last;

    public bool ShouldReport(bool final = false)
    {
        var now = Stopwatch.GetTimestamp();
        if (!final && _last != 0 && Stopwatch.GetElapsedTime(_last, now) < interval) return false;
        _last = now;
        return true;
    }
}
