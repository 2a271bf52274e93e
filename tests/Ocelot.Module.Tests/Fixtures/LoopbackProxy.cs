using System.Net;

namespace Ocelot.Module.Tests.Fixtures;

/// <summary>
/// An HTTP proxy on a free loopback port in front of moto: the shared part of the stand-ins for faults moto cannot
/// produce. Each request is handed to <see cref="HandleAsync"/>, which answers it itself or forwards it to moto with
/// <see cref="ForwardAsync"/> and writes moto's answer back (changed or not) with <see cref="WriteAsync"/>.
/// </summary>
public abstract class LoopbackProxy : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HttpClient _client = new(new HttpClientHandler { AllowAutoRedirect = false, UseProxy = false });
    private readonly string _target;

    protected LoopbackProxy(string target)
    {
        _target = target.TrimEnd('/');
        Port = LoopbackPort.Free();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public int Port { get; }
    public string Endpoint => $"http://127.0.0.1:{Port}";

    protected abstract Task HandleAsync(HttpListenerContext context);

    /// <summary>The region a request is signed for is in its SigV4 credential scope (…/date/region/service/aws4_request).</summary>
    protected static bool SignedForAny(HttpListenerRequest request, IEnumerable<string> regions)
    {
        var authorization = request.Headers["Authorization"] ?? string.Empty;
        return regions.Any(region => authorization.Contains($"/{region}/", StringComparison.Ordinal));
    }

    /// <summary>Sends the request to moto as it came (headers, body, Host) and returns moto's answer and its body.</summary>
    protected async Task<(HttpResponseMessage Answer, byte[] Payload)> ForwardAsync(HttpListenerRequest request)
    {
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
        var answer = await _client.SendAsync(forward);
        return (answer, await answer.Content.ReadAsByteArrayAsync());
    }

    /// <summary>Writes moto's status and headers with the given body, and closes the response.</summary>
    protected static async Task WriteAsync(HttpListenerResponse response, HttpResponseMessage answer, byte[] payload)
    {
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

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _client.Dispose();
        GC.SuppressFinalize(this);
    }
}
