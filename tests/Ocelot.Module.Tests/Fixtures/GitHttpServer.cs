using System.Net;
using System.Text;
using Ocelot.Module.Tests.Harness;

namespace Ocelot.Module.Tests.Fixtures;

/// <summary>
/// Serves the repositories under a folder over git's smart HTTP protocol (what GitHub speaks), on loopback, by
/// running the real <c>git http-backend</c> as a CGI program for each request.
/// </summary>
public sealed class GitHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _projectRoot;
    private readonly Task _loop;

    public GitHttpServer(string projectRoot)
    {
        _projectRoot = projectRoot;
        Port = LoopbackPort.Free();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>When set, a request without exactly this <c>Authorization</c> header gets 401 (as a private repository on GitHub).</summary>
    public string? RequiredAuthorization { get; set; }

    /// <summary>How many requests carried the required authorization.</summary>
    public int AuthorizedRequests;

    public string UrlOf(string repository) => $"http://127.0.0.1:{Port}/{repository}";

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) when (!_listener.IsListening) { return; }
            catch (HttpListenerException) { return; }
            _ = Task.Run(() => Handle(context));
        }
    }

    private void Handle(HttpListenerContext context)
    {
        var request = context.Request;
        if (RequiredAuthorization is not null)
        {
            if (request.Headers["Authorization"] != RequiredAuthorization)
            {
                context.Response.StatusCode = 401;
                context.Response.Headers["WWW-Authenticate"] = "Basic realm=\"fixture\"";
                context.Response.Close();
                return;
            }
            Interlocked.Increment(ref AuthorizedRequests);
        }
        var cgi = new Dictionary<string, string?>
        {
            ["GIT_PROJECT_ROOT"] = _projectRoot,
            ["GIT_HTTP_EXPORT_ALL"] = "1",
            ["PATH_INFO"] = request.Url!.AbsolutePath,
            ["QUERY_STRING"] = request.Url.Query.TrimStart('?'),
            ["REQUEST_METHOD"] = request.HttpMethod,
            ["CONTENT_TYPE"] = request.ContentType ?? string.Empty,
            ["REMOTE_ADDR"] = "127.0.0.1",
        };
        if (request.Headers["Content-Encoding"] is { } encoding) cgi["HTTP_CONTENT_ENCODING"] = encoding;
        if (request.Headers["Git-Protocol"] is { } protocol) cgi["GIT_PROTOCOL"] = protocol;
        var body = new MemoryStream();
        request.InputStream.CopyTo(body);
        cgi["CONTENT_LENGTH"] = body.Length.ToString();
        var bytes = ChildProcess.Run("git", ["http-backend"], environment: cgi, input: body.ToArray()).OutputBytes;
        var headerEnd = IndexOf(bytes, "\r\n\r\n"u8.ToArray(), out var separatorLength);
        var response = context.Response;
        foreach (var line in Encoding.ASCII.GetString(bytes, 0, headerEnd).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':');
            if (colon < 0) continue;
            var (name, value) = (line[..colon].Trim(), line[(colon + 1)..].Trim());
            if (name.Equals("Status", StringComparison.OrdinalIgnoreCase)) response.StatusCode = int.Parse(value.Split(' ')[0]);
            else if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) response.ContentType = value;
            else response.Headers[name] = value;
        }
        var payload = bytes.AsSpan(headerEnd + separatorLength).ToArray();
        response.ContentLength64 = payload.Length;
        response.OutputStream.Write(payload);
        response.Close();
    }

    private static int IndexOf(byte[] data, byte[] crlfcrlf, out int separatorLength)
    {
        for (var i = 0; i + 1 < data.Length; i++)
        {
            if (i + 3 < data.Length && data.AsSpan(i, 4).SequenceEqual(crlfcrlf)) { separatorLength = 4; return i; }
            if (data[i] == '\n' && data[i + 1] == '\n') { separatorLength = 2; return i; }
        }
        separatorLength = 0;
        return data.Length;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }
}
