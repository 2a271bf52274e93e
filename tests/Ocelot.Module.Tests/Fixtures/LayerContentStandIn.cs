using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Ocelot.Module.Tests.Fixtures;

/// <summary>
/// A stand-in for the one thing moto cannot do: serve a layer version's zip. moto's GetLayerVersion answers
/// <c>Content.Location = "s3://"</c>; real Lambda answers a presigned https URL. This proxy forwards every request to
/// moto unchanged, except that in GetLayerVersion answers it points Content.Location at itself, where it serves the
/// zip that the test registered under that CodeSha256. It can also corrupt the zip it serves, and answer 503 to
/// every request signed for given regions (an outage).
/// </summary>
public sealed partial class LayerContentStandIn : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HttpClient _client = new(new HttpClientHandler { AllowAutoRedirect = false, UseProxy = false });
    private readonly ConcurrentDictionary<string, byte[]> _zips = new();
    private readonly string _target;

    public LayerContentStandIn(string target)
    {
        _target = target.TrimEnd('/');
        Port = Harness.LoopbackPort.Free();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public int Port { get; }
    public string Endpoint => $"http://127.0.0.1:{Port}";
    public bool Corrupt { get; set; }
    public string[] FailingRegions { get; set; } = [];
    public int Downloads => _downloads;
    private int _downloads;

    /// <summary>Makes the zip downloadable for every layer version whose CodeSha256 is the zip's.</summary>
    public void Serve(byte[] zip) => _zips[Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(zip))] = zip;

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var path = request.Url!.AbsolutePath;
        if (path.StartsWith("/stand-in/content/", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _downloads);
            var sha = Uri.UnescapeDataString(path["/stand-in/content/".Length..]);
            if (!_zips.TryGetValue(sha, out var zip)) { response.StatusCode = 404; response.Close(); return; }
            if (Corrupt) { zip = (byte[])zip.Clone(); zip[^1] ^= 0xFF; }
            response.ContentLength64 = zip.Length;
            await response.OutputStream.WriteAsync(zip);
            response.Close();
            return;
        }
        var authorization = request.Headers["Authorization"] ?? string.Empty;
        if (FailingRegions.Any(region => authorization.Contains($"/{region}/")))
        {
            response.StatusCode = 503;
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
        var payload = await answer.Content.ReadAsByteArrayAsync();
        if (request.HttpMethod == "GET" && answer.IsSuccessStatusCode && GetLayerVersionPath().IsMatch(path) && JsonNode.Parse(payload) is JsonObject json
            && json["Content"] is JsonObject content && content["CodeSha256"]?.GetValue<string>() is { } codeSha256)
        {
            content["Location"] = $"{Endpoint}/stand-in/content/{Uri.EscapeDataString(codeSha256)}";
            payload = System.Text.Encoding.UTF8.GetBytes(json.ToJsonString());
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

    [GeneratedRegex(@"\A/2018-10-31/layers/[^/]+/versions/[0-9]+\z")]
    private static partial Regex GetLayerVersionPath();

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _client.Dispose();
    }
}
