using System.Security.Cryptography;
using System.Text.Json;
using Amazon.Runtime;
using Xunit.Abstractions;
using Ocelot.Engine.Tests.Aws.Lambda.Support;

using Ocelot.Engine.Aws.Lambda;

namespace Ocelot.Engine.Tests.Aws.Lambda;

/// <summary>
/// Captures what the client puts on the wire and re-signs it with botocore: the signature only matches if the SDK
/// signed exactly the method, path, query, headers and body that were sent.
/// </summary>
public sealed class SignatureCrossCheckTests(ITestOutputHelper output)
{
    private const string LayerArn = "arn:aws:lambda:eu-west-1:123456789012:layer:ocelot-signed";

    // Contains every character that has tripped up hand-built URLs: ':', '+', '/', '=', '%'.
    private const string AwkwardMarker = "arn:aws:lambda:eu-west-1:123456789012:layer:x+y/z%41==";

    [Fact]
    public async Task Publish_with_a_json_body_is_signed_over_the_bytes_sent()
    {
        using var standIn = new LoopbackLambdaStandIn(_ => StandInResponse.Json(201, LayerVersionBody(1)));
        using var client = LambdaLayerClient.Create("eu-west-1", null, standIn.Url);
        var zip = TestZips.PythonLayer("signed");

        await client.PublishLayerVersionAsync(new PublishLayerVersionInput("ocelot-signed", LayerContent.FromZip(zip))
        {
            Description = "signed publish",
            CompatibleRuntimes = ["python3.12"],
            CompatibleArchitectures = ["arm64"],
        });

        var request = Assert.Single(standIn.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/2018-10-31/layers/ocelot-signed/versions", request.RawPath);
        Assert.Equal("application/json", request.Header("Content-Type"));
        var body = JsonSerializer.Deserialize<JsonElement>(request.Body);
        Assert.Equal(Convert.ToBase64String(zip), body.GetProperty("Content").GetProperty("ZipFile").GetString());
        Assert.Equal("signed publish", body.GetProperty("Description").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(request.Body)), request.Header("X-Amz-Content-SHA256"));
        AssertSignatureMatchesBotocore(request, standIn.Url, "eu-west-1");
    }

    [Fact]
    public async Task Paging_marker_with_reserved_characters_is_sent_and_signed_consistently()
    {
        using var standIn = new LoopbackLambdaStandIn(request => request.Query("Marker") is null
            ? StandInResponse.Json(200, new { LayerVersions = new[] { VersionSummaryBody(2) }, NextMarker = AwkwardMarker })
            : StandInResponse.Json(200, new { LayerVersions = new[] { VersionSummaryBody(1) } }));
        using var client = LambdaLayerClient.Create("eu-west-1", null, standIn.Url);

        var versions = await client.ListLayerVersionsAsync("ocelot-signed");

        Assert.Equal([2L, 1L], versions.Select(v => v.Version));
        var second = standIn.Requests.ElementAt(1);
        Assert.Equal(AwkwardMarker, second.Query("Marker"));
        output.WriteLine($"{second.Method} {second.RawUrl}\n{second.Header("Authorization")}\n{BotocoreSigV4.Sign(second, standIn.Url, TestEnvironment.AccessKey, TestEnvironment.SecretKey, "eu-west-1").CanonicalRequest}");
        Assert.DoesNotContain("+", second.RawQuery);
        Assert.All(standIn.Requests, request => AssertSignatureMatchesBotocore(request, standIn.Url, "eu-west-1"));
    }

    [Fact]
    public async Task Layer_name_given_as_an_arn_is_sent_and_signed_consistently()
    {
        using var standIn = new LoopbackLambdaStandIn(request => request.Method == "DELETE"
            ? new StandInResponse(204, "")
            : StandInResponse.Json(200, LayerVersionBody(3)));
        using var client = LambdaLayerClient.Create("eu-west-1", null, standIn.Url);

        await client.GetLayerVersionAsync(LayerArn, 3);
        await client.RemoveLayerVersionPermissionAsync(LayerArn, 3, "share+all", revisionId: "rev/1+2=");

        var get = standIn.Requests.First();
        Assert.Equal($"/2018-10-31/layers/{LayerArn}/versions/3", get.DecodedPath);
        var remove = standIn.Requests.Last();
        Assert.Equal($"/2018-10-31/layers/{LayerArn}/versions/3/policy/share+all", remove.DecodedPath);
        Assert.Equal("rev/1+2=", remove.Query("RevisionId"));
        Assert.All(standIn.Requests, request => AssertSignatureMatchesBotocore(request, standIn.Url, "eu-west-1"));
    }

    [Fact]
    public async Task Session_credentials_sign_the_security_token()
    {
        using var standIn = new LoopbackLambdaStandIn(_ => StandInResponse.Json(200, new { Layers = Array.Empty<object>() }));
        var config = new LambdaLayerClientConfig { ServiceURL = standIn.Url, AuthenticationRegion = "ap-southeast-2" };
        using var client = new LambdaLayerClient(new SessionAWSCredentials("ASIATESTKEY", "session-secret", "token/with+chars="), config);

        await client.ListLayersAsync();

        var request = Assert.Single(standIn.Requests);
        Assert.Equal("token/with+chars=", request.Header("X-Amz-Security-Token"));
        Assert.Contains("x-amz-security-token", BotocoreSigV4.ParseAuthorization(request.Header("Authorization")!)["SignedHeaders"].Split(';'));
        AssertSignatureMatchesBotocore(request, standIn.Url, "ap-southeast-2", "ASIATESTKEY", "session-secret", "token/with+chars=");
    }

    [Fact]
    public async Task Cross_check_rejects_a_request_that_differs_from_what_was_signed()
    {
        using var standIn = new LoopbackLambdaStandIn(request => request.Query("Marker") is null
            ? StandInResponse.Json(200, new { Layers = Array.Empty<object>(), NextMarker = AwkwardMarker })
            : StandInResponse.Json(200, new { Layers = Array.Empty<object>() }));
        using var client = LambdaLayerClient.Create("eu-west-1", null, standIn.Url);
        await client.ListLayersAsync();
        var sent = standIn.Requests.Last();
        var signature = BotocoreSigV4.ParseAuthorization(sent.Header("Authorization")!)["Signature"];

        // The marker as a hand-built URL might carry it: '+' and ':' left unencoded.
        var reEncoded = sent with { RawUrl = sent.RawUrl.Replace("%2B", "+").Replace("%3A", ":") };
        var withOtherBody = sent with { Body = "{}"u8.ToArray() };

        Assert.Equal(signature, BotocoreSigV4.Sign(sent, standIn.Url, TestEnvironment.AccessKey, TestEnvironment.SecretKey, "eu-west-1").Signature);
        Assert.NotEqual(sent.RawUrl, reEncoded.RawUrl);
        Assert.NotEqual(signature, BotocoreSigV4.Sign(reEncoded, standIn.Url, TestEnvironment.AccessKey, TestEnvironment.SecretKey, "eu-west-1").Signature);
        Assert.NotEqual(signature, BotocoreSigV4.Sign(withOtherBody, standIn.Url, TestEnvironment.AccessKey, TestEnvironment.SecretKey, "eu-west-1").Signature);
    }

    private static void AssertSignatureMatchesBotocore(
        CapturedRequest request, string baseUrl, string region,
        string accessKey = TestEnvironment.AccessKey, string secretKey = TestEnvironment.SecretKey, string? token = null)
    {
        var authorization = BotocoreSigV4.ParseAuthorization(request.Header("Authorization")!);
        Assert.Equal($"{accessKey}/{request.Header("X-Amz-Date")![..8]}/{region}/lambda/aws4_request", authorization["Credential"]);

        var botocore = BotocoreSigV4.Sign(request, baseUrl, accessKey, secretKey, region, token);

        Assert.Equal(botocore.PayloadHash, request.Header("X-Amz-Content-SHA256"));
        Assert.Equal(botocore.SignedHeaders, authorization["SignedHeaders"]);
        Assert.True(botocore.Signature == authorization["Signature"],
            $"botocore signature {botocore.Signature} != client signature {authorization["Signature"]}; botocore canonical request:\n{botocore.CanonicalRequest}");
    }

    internal static object LayerVersionBody(long version) => new
    {
        LayerArn = "arn:aws:lambda:eu-west-1:123456789012:layer:ocelot-signed",
        LayerVersionArn = $"arn:aws:lambda:eu-west-1:123456789012:layer:ocelot-signed:{version}",
        Version = version,
        Description = "stand-in",
        CreatedDate = "2018-11-27T15:10:45.123+0000",
        CompatibleRuntimes = new[] { "python3.12" },
        CompatibleArchitectures = new[] { "arm64" },
        Content = new { Location = "https://example.invalid/layer.zip", CodeSha256 = "abc=", CodeSize = 10 },
    };

    internal static object VersionSummaryBody(long version) => new
    {
        LayerVersionArn = $"arn:aws:lambda:eu-west-1:123456789012:layer:ocelot-signed:{version}",
        Version = version,
        CreatedDate = "2018-11-27T15:10:45.123+0000",
    };
}
