using System.Net;

namespace Ocelot.Module.Tests.Fixtures;

/// <summary>
/// A stand-in for an outage, the one fault that cannot be produced for real here: an HTTP proxy in front of moto that
/// answers 503 to every request signed for one region (read from the SigV4 credential scope) and forwards the rest.
/// </summary>
public sealed class FailingRegionProxy : LoopbackProxy
{
    private readonly string[] _failingRegions;
    private readonly bool _notEnabled;

    /// <param name="notEnabled">Answer like Lambda in a region the account has not enabled (403 UnrecognizedClientException) instead of 503.</param>
    public FailingRegionProxy(string target, string failingRegion, bool notEnabled = false, params string[] moreFailingRegions) : base(target)
    {
        _notEnabled = notEnabled;
        _failingRegions = [failingRegion, .. moreFailingRegions];
    }

    protected override async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        if (SignedForAny(request, _failingRegions))
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
        var (answer, payload) = await ForwardAsync(request);
        using (answer) await WriteAsync(response, answer, payload);
    }
}
