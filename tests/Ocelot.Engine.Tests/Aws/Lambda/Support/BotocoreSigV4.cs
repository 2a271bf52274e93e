using System.Diagnostics;
using System.Text.Json;

using Ocelot.Engine.Aws.Lambda;

namespace Ocelot.Engine.Tests.Aws.Lambda.Support;

/// <summary>Recomputes the SigV4 signature of a captured request with botocore, independently of the .NET SDK.</summary>
internal static class BotocoreSigV4
{
    private const string Script = """
        import sys, json, base64, hashlib
        from botocore.auth import SigV4Auth
        from botocore.awsrequest import AWSRequest
        from botocore.credentials import Credentials
        d = json.load(sys.stdin)
        body = base64.b64decode(d['body'])
        headers = d['headers']
        # botocore trusts a signed x-amz-content-sha256 header; sign the hash of the body actually sent instead.
        for name in headers:
            if name.lower() == 'x-amz-content-sha256':
                headers[name] = hashlib.sha256(body).hexdigest()
        request = AWSRequest(method=d['method'], url=d['url'], headers=headers, data=body)
        request.context['timestamp'] = d['amzDate']
        auth = SigV4Auth(Credentials(d['accessKey'], d['secretKey'], d['token']), d['service'], d['region'])
        canonical = auth.canonical_request(request)
        print(json.dumps({
            'signature': auth.signature(auth.string_to_sign(request, canonical), request),
            'signedHeaders': auth.signed_headers(auth.headers_to_sign(request)),
            'payloadHash': hashlib.sha256(body).hexdigest(),
            'canonicalRequest': canonical,
        }))
        """;

    public sealed record Result(string Signature, string SignedHeaders, string PayloadHash, string CanonicalRequest);

    /// <summary>Signs the captured method, URL, body and the headers the client says it signed.</summary>
    public static Result Sign(CapturedRequest request, string baseUrl, string accessKey, string secretKey, string region, string? sessionToken = null)
    {
        var signedHeaderNames = ParseAuthorization(request.Header("Authorization")!)["SignedHeaders"].Split(';');
        var input = JsonSerializer.Serialize(new
        {
            method = request.Method,
            url = baseUrl + request.RawUrl,
            headers = signedHeaderNames.ToDictionary(name => name, name => request.Header(name) ?? throw new InvalidOperationException($"signed header {name} was not sent")),
            body = Convert.ToBase64String(request.Body),
            amzDate = request.Header("X-Amz-Date"),
            accessKey,
            secretKey,
            token = sessionToken,
            service = "lambda",
            region,
        });

        var startInfo = new ProcessStartInfo("python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add(Script);
        using var process = Process.Start(startInfo)!;
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("botocore signing failed: " + stderr);
        }
        var json = JsonSerializer.Deserialize<JsonElement>(stdout);
        return new Result(json.GetProperty("signature").GetString()!, json.GetProperty("signedHeaders").GetString()!,
            json.GetProperty("payloadHash").GetString()!, json.GetProperty("canonicalRequest").GetString()!);
    }

    /// <summary>Splits <c>AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…</c> into its parts.</summary>
    public static Dictionary<string, string> ParseAuthorization(string authorization)
    {
        var parts = authorization["AWS4-HMAC-SHA256 ".Length..].Split(',', StringSplitOptions.TrimEntries);
        return parts.Select(part => part.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]);
    }
}
