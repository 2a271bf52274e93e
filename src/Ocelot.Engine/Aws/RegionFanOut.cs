namespace Ocelot.Engine.Aws;

/// <summary>
/// The one way work is spread over regions: at most <c>throttleLimit</c> regions at a time (-ThrottleLimit), each with
/// its own <see cref="RequestPacer"/> so a region stays under Lambda's request rate, and the results in the order of
/// the regions given (a repeated region is worked once and answered at each place).
/// </summary>
public static class RegionFanOut
{
    public static async Task<IReadOnlyList<T>> RunAsync<T>(IReadOnlyList<string> regions, int throttleLimit,
        Func<string, RequestPacer, Task<T>> work, CancellationToken cancellationToken)
    {
        var distinct = regions.Distinct(StringComparer.Ordinal).ToList();
        using var slots = new SemaphoreSlim(Math.Max(1, throttleLimit));
        var results = await Task.WhenAll(distinct.Select(async region =>
        {
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                using var pacer = new RequestPacer();
                return await work(region, pacer).ConfigureAwait(false);
            }
            finally
            {
                slots.Release();
            }
        })).ConfigureAwait(false);
        var byRegion = distinct.Zip(results).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
        return regions.Select(r => byRegion[r]).ToList();
    }
}
