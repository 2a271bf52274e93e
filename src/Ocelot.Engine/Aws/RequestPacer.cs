namespace Ocelot.Engine.Aws;

/// <summary>
/// Spaces request starts to a region so a listing or a prune stays under Lambda's control-plane rate (about 15
/// requests per second per region, Lambda quotas), and bounds how many are in flight.
/// </summary>
public sealed class RequestPacer(int requestsPerSecond = 10, int concurrency = 4) : IDisposable
{
    private readonly SemaphoreSlim _inFlight = new(concurrency);
    private readonly object _lock = new();
    private readonly TimeSpan _interval = TimeSpan.FromSeconds(1.0 / requestsPerSecond);
    private DateTime _next = DateTime.MinValue;

    public async Task<T> RunAsync<T>(Func<Task<T>> request, CancellationToken cancellationToken)
    {
        await _inFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            TimeSpan wait;
            lock (_lock)
            {
                var now = DateTime.UtcNow;
                var start = _next > now ? _next : now;
                _next = start + _interval;
                wait = start - now;
            }
            if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            return await request().ConfigureAwait(false);
        }
        finally
        {
            _inFlight.Release();
        }
    }

    public async Task RunAsync(Func<Task> request, CancellationToken cancellationToken) =>
        await RunAsync(async () => { await request().ConfigureAwait(false); return true; }, cancellationToken).ConfigureAwait(false);

    public void Dispose() => _inFlight.Dispose();
}
