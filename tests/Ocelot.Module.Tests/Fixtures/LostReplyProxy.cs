using System.Collections.Concurrent;
using System.Net;

namespace Ocelot.Module.Tests.Fixtures;

/// <summary>
/// A stand-in for a lost reply, the one fault that cannot be produced for real here: an HTTP proxy in front of moto
/// that forwards every request (so moto really does the work) and, for the first <c>n</c> requests matching a rule,
/// throws moto's answer away and cuts the connection (or holds it past the client's timeout). It records every
/// request it saw, so a test can also prove that no request was sent at all.
/// </summary>
public sealed class LostReplyProxy : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HttpClient _client = new(new HttpClientHandler { AllowAutoRedirect = false, UseProxy = false });
    private readonly string _target;
    private readonly Func<string, string, bool> _rule;
    private readonly TimeSpan? _delay;
    private int _toLose;
    private int _hookRuns;

    /// <param name="rule">Which requests lose their reply, by method and path.</param>
    /// <param name="lose">How many matching requests lose their reply; later ones are answered.</param>
    /// <param name="delay">Hold the reply this long before cutting it, instead of cutting at once.</param>
    public LostReplyProxy(string target, Func<string, string, bool> rule, int lose, TimeSpan? delay = null)
    {
        _target = target.TrimEnd('/');
        _rule = rule;
        _toLose = lose;
        _delay = delay;
        Port = Harness.LoopbackPort.Free();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    /// <summary>A rule for PublishLayerVersion: POST /2018-10-31/layers/{name}/versions.</summary>
    public static bool IsPublish(string method, string path) =>
        method == "POST" && path.StartsWith("/2018-10-31/layers/", StringComparison.Ordinal) && path.Split('?')[0].EndsWith("/versions", StringComparison.Ordinal);

    public int Port { get; }
    public string Endpoint => $"http://127.0.0.1:{Port}";

    /// <summary>Every request seen, as "METHOD path".</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>How many replies were thrown away.</summary>
    public int Lost;

    /// <summary>When false, a request that loses its reply is not forwarded either: moto never sees it (a request lost on the way).</summary>
    public bool ForwardLost { get; init; } = true;

    /// <summary>Runs once, before the first request matching the rule is forwarded: another client acting at that moment.</summary>
    public Action? BeforeFirstMatch { get; init; }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            _ = Task.Run(() => ForwardAsync(context));
        }
    }

    private async Task ForwardAsync(HttpListenerContext context)
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
            using var forward = new HttpRequestMessage(new HttpMethod(request.HttpMethod), _target + request.RawUrl);
            var body = new MemoryStream();
            await request.InputStream.CopyToAsync(body);
            forward.Content = new ByteArrayContent(body.ToArray());
            foreach (var name in request.Headers.AllKeys)
            {
                if (name is null || name.Equals("Host", StringComparison.OrdinalIgnoreCase) || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) continue;
                var value = request.Headers[name]!;
                if (!forward.Headers.TryAddWithoutValidation(name, value)) forward.Content.Headers.TryAddWithoutValidation(name, value);
            }
            forward.Headers.Host = request.Headers["Host"];
            using var answer = await _client.SendAsync(forward);
            var payload = await answer.Content.ReadAsByteArrayAsync();
            if (matches && ForwardLost && Interlocked.Decrement(ref _toLose) >= 0)
            {
                Interlocked.Increment(ref Lost);
                if (_delay is { } delay) await Task.Delay(delay);
                response.Abort(); // moto did the work; the client never hears of it
                return;
            }
            response.StatusCode = (int)answer.StatusCode;
            foreach (var header in answer.Headers.Concat(answer.Content.Headers))
            {
                if (header.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) || header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) continue;
                response.Headers[header.Key] = string.Join(",", header.Value);
            }
            response.ContentLength64 = payload.Length;
            await response.OutputStream.WriteAsync(payload);
            response.Close();
        }
        catch (Exception)
        {
            try { response.Abort(); } catch (ObjectDisposedException) { }
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _client.Dispose();
    }
}
