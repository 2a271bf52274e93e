using System.Net;

namespace Ocelot.Module.Tests.Fixtures;

/// <summary>
/// A stand-in for an outage, the one fault that cannot be produced for real here: an HTTP proxy in front of moto that
/// answers 503 to every request signed for one region (read from the SigV4 credential scope) and forwards the rest.
/// </summary>
public sealed class FailingRegionProxy : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HttpClient _client = new(new HttpClientHandler { AllowAutoRedirect = false, UseProxy = false });
    private readonly string _target;
    private readonly string[] _failingRegions;
    private readonly bool _notEnabled;

    /// <param name="notEnabled">Answer like Lambda in a region the account has not enabled (403 UnrecognizedClientException) instead of 503.</param>
    public FailingRegionProxy(string target, string failingRegion, bool notEnabled = false, params string[] moreFailingRegions)
    {
        _notEnabled = notEnabled;
        _target = target.TrimEnd('/');
        _failingRegions = [failingRegion, .. moreFailingRegions];
        Port = Harness.LoopbackPort.Free();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public int Port { get; }
    public string Endpoint => $"http://127.0.0.1:{Port}";

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
        var authorization = request.Headers["Authorization"] ?? string.Empty;
        if (_failingRegions.Any(region => authorization.Contains($"/{region}/")))
        {
            if (_notEnabled)
            {
                response.StatusCode = 403;
                response.ContentType = "application/json";
                response.Headers["x-amzn-ErrorType"] = "UnrecognizedClientException";
                var refusal = "{\"__type\":\"UnrecognizedClientException\",\"message\":\"The security token included in the request is invalid.\"}"u8.ToArray();
                response.ContentLength64 = refusal.Length;
                await response.OutputStream.WriteAsync(refusal);
            }
            else
            {
                response.StatusCode = 503;
            }
            response.Close();
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
        response.StatusCode = (int)answer.StatusCode;
        foreach (var header in answer.Headers.Concat(answer.Content.Headers))
        {
            if (header.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) || header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) continue;
            response.Headers[header.Key] = string.Join(",", header.Value);
        }
        var payload = await answer.Content.ReadAsByteArrayAsync();
        response.ContentLength64 = payload.Length;
        await response.OutputStream.WriteAsync(payload);
        response.Close();
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _client.Dispose();
    }
}
