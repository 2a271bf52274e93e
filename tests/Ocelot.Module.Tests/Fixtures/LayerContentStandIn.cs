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
public sealed partial class LayerContentStandIn(string target) : LoopbackProxy(target)
{
    private readonly ConcurrentDictionary<string, byte[]> _zips = new();
    public bool Corrupt { get; set; }
    public string[] FailingRegions { get; set; } = [];
    public int Downloads => _downloads;
    private int _downloads;

    /// <summary>Makes the zip downloadable for every layer version whose CodeSha256 is the zip's.</summary>
    public void Serve(byte[] zip) => _zips[Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(zip))] = zip;

    protected override async Task HandleAsync(HttpListenerContext context)
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
        if (SignedForAny(request, FailingRegions))
        {
            response.StatusCode = 503;
            response.Close();
            return;
        }
        var (answer, payload) = await ForwardAsync(request);
        using var _ = answer;
        if (request.HttpMethod == "GET" && answer.IsSuccessStatusCode && GetLayerVersionPath().IsMatch(path) && JsonNode.Parse(payload) is JsonObject json
            && json["Content"] is JsonObject content && content["CodeSha256"]?.GetValue<string>() is { } codeSha256)
        {
            content["Location"] = $"{Endpoint}/stand-in/content/{Uri.EscapeDataString(codeSha256)}";
            payload = System.Text.Encoding.UTF8.GetBytes(json.ToJsonString());
        }
        await WriteAsync(response, answer, payload);
    }

    [GeneratedRegex(@"\A/2018-10-31/layers/[^/]+/versions/[0-9]+\z")]
    private static partial Regex GetLayerVersionPath();
}
