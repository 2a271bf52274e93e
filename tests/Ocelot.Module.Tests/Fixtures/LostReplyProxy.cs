using System.Collections.Concurrent;
using System.Net;

namespace Ocelot.Module.Tests.Fixtures;

/// <summary>
/// A stand-in for a lost reply, the one fault that cannot be produced for real here: an HTTP proxy in front of moto
/// that forwards every request (so moto really does the work) and, for the first <c>n</c> requests matching a rule,
/// throws moto's answer away and cuts the connection (or holds it past the client's timeout). It records every
/// request it saw, so a test can also prove that no request was sent at all.
/// </summary>
public sealed class LostReplyProxy : LoopbackProxy
{
    private readonly Func<string, string, bool> _rule;
    private readonly TimeSpan? _delay;
    private int _toLose;
    private int _hookRuns;

    /// <param name="rule">Which requests lose their reply, by method and path.</param>
    /// <param name="lose">How many matching requests lose their reply; later ones are answered.</param>
    /// <param name="delay">Hold the reply this long before cutting it, instead of cutting at once.</param>
    public LostReplyProxy(string target, Func<string, string, bool> rule, int lose, TimeSpan? delay = null) : base(target)
    {
        _rule = rule;
        _toLose = lose;
        _delay = delay;
    }

    /// <summary>A rule for PublishLayerVersion: POST /2018-10-31/layers/{name}/versions.</summary>
    public static bool IsPublish(string method, string path) =>
        method == "POST" && path.StartsWith("/2018-10-31/layers/", StringComparison.Ordinal) && path.Split('?')[0].EndsWith("/versions", StringComparison.Ordinal);

    /// <summary>Every request seen, as "METHOD path".</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>How many replies were thrown away.</summary>
    public int Lost;

    /// <summary>When false, a request that loses its reply is not forwarded either: moto never sees it (a request lost on the way).</summary>
    public bool ForwardLost { get; init; } = true;

    /// <summary>Runs once, before the first request matching the rule is forwarded: another client acting at that moment.</summary>
    public Action? BeforeFirstMatch { get; init; }

    protected override async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        try
        {
            Requests.Enqueue($"{request.HttpMethod} {request.RawUrl}");
            var matches = _rule(request.HttpMethod, request.RawUrl ?? "");
            if (matches && BeforeFirstMatch is { } hook && Interlocked.Increment(ref _hookRuns) == 1) hook();
            if (matches && !ForwardLost && Interlocked.Decrement(ref _toLose) >= 0)
            {
                Interlocked.Increment(ref Lost);
                await request.InputStream.CopyToAsync(Stream.Null);
                response.Abort();
                return;
            }
            var (answer, payload) = await ForwardAsync(request);
            using var _ = answer;
            if (matches && ForwardLost && Interlocked.Decrement(ref _toLose) >= 0)
            {
                Interlocked.Increment(ref Lost);
                if (_delay is { } delay) await Task.Delay(delay);
                response.Abort(); // moto did the work; the client never hears of it
                return;
            }
            await WriteAsync(response, answer, payload);
        }
        catch (Exception)
        {
            try { response.Abort(); } catch (ObjectDisposedException) { }
        }
    }
}
