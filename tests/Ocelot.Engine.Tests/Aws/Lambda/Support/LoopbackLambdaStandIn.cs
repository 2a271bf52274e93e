using System.Collections.Concurrent;
using System.Net;

using Ocelot.Engine.Aws.Lambda;

namespace Ocelot.Engine.Tests.Aws.Lambda.Support;

/// <summary>
/// A stand-in for the Lambda endpoint on 127.0.0.1: records each request byte for byte and answers with a canned
/// response. Used where moto cannot show something (paging, signatures, errors moto never returns).
/// </summary>
public sealed class LoopbackLambdaStandIn : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<CapturedRequest, StandInResponse> _respond;
    private readonly Task _loop;

    public LoopbackLambdaStandIn(Func<CapturedRequest, StandInResponse> respond)
    {
        _respond = respond;
        var port = LoopbackPort.Free();
        Url = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Url + "/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public ConcurrentQueue<CapturedRequest> Requests { get; } = new();

    public void Dispose()
    {
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var headers = context.Request.Headers.AllKeys.OfType<string>()
                .ToDictionary(name => name, name => context.Request.Headers[name]!, StringComparer.OrdinalIgnoreCase);
            var captured = new CapturedRequest(context.Request.HttpMethod, context.Request.RawUrl!, headers, body.ToArray());
            Requests.Enqueue(captured);

            var response = _respond(captured);
            context.Response.StatusCode = response.Status;
            context.Response.ContentType = response.ContentType;
            foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[name] = value;
            }
            var bytes = System.Text.Encoding.UTF8.GetBytes(response.Body);
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}
