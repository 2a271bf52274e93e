using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Ocelot.Engine.Tests.Aws.Lambda.Support;

using Ocelot.Engine.Aws.Lambda;

namespace Ocelot.Engine.Tests.Aws.Lambda;

/// <summary>Errors moto never returns, answered by a stand-in exactly as Lambda sends them.</summary>
public sealed class ErrorMappingTests
{
    [Fact]
    public async Task A_duplicate_statement_id_is_a_conflict()
    {
        // moto 5.2.1 accepts duplicate statement ids, so the conflict comes from a stand-in.
        var statementIds = new ConcurrentDictionary<string, bool>();
        using var standIn = new LoopbackLambdaStandIn(request =>
        {
            var statementId = JsonSerializer.Deserialize<JsonElement>(request.Body).GetProperty("StatementId").GetString()!;
            return statementIds.TryAdd(statementId, true)
                ? StandInResponse.Json(201, new { Statement = $"{{\"Sid\":\"{statementId}\"}}", RevisionId = "r1" })
                : StandInResponse.LambdaError(409, "ResourceConflictException", $"The statement id ({statementId}) provided already exists. Please provide a new statement id, or remove the existing statement.");
        });
        using var client = LambdaLayerClient.Create("us-east-1", null, standIn.Url);

        await client.AddLayerVersionPermissionAsync("layer", 1, "shared", "lambda:GetLayerVersion", "*");
        var error = await Assert.ThrowsAsync<LambdaServiceException>(
            () => client.AddLayerVersionPermissionAsync("layer", 1, "shared", "lambda:GetLayerVersion", "*"));
        Assert.Equal(LambdaErrorKind.ResourceConflict, error.Kind);

        Assert.Equal("ResourceConflictException", error.ErrorCode);
        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
        Assert.Equal("stand-in-request-id", error.RequestId);
        Assert.Contains("already exists", error.Message);
    }

    [Theory]
    [InlineData(429, "TooManyRequestsException", LambdaErrorKind.Throttled)]
    [InlineData(413, "RequestTooLargeException", LambdaErrorKind.RequestTooLarge)]
    [InlineData(413, "RequestEntityTooLargeException", LambdaErrorKind.RequestTooLarge)]
    [InlineData(403, "AccessDeniedException", LambdaErrorKind.AccessDenied)]
    [InlineData(403, "UnrecognizedClientException", LambdaErrorKind.AccessDenied)]
    [InlineData(403, "InvalidSignatureException", LambdaErrorKind.AccessDenied)]
    [InlineData(400, "InvalidParameterValueException", LambdaErrorKind.InvalidParameter)]
    [InlineData(400, "CodeStorageExceededException", LambdaErrorKind.CodeStorageExceeded)]
    [InlineData(400, "PolicyLengthExceededException", LambdaErrorKind.PolicyLengthExceeded)]
    [InlineData(412, "PreconditionFailedException", LambdaErrorKind.PreconditionFailed)]
    [InlineData(404, "ResourceNotFoundException", LambdaErrorKind.ResourceNotFound)]
    [InlineData(409, "ResourceConflictException", LambdaErrorKind.ResourceConflict)]
    [InlineData(400, "ServiceQuotaSomethingNew", LambdaErrorKind.Other)]
    [InlineData(500, "ServiceException", LambdaErrorKind.Other)]
    public async Task Lambda_error_codes_map_to_kinds(int status, string errorType, LambdaErrorKind expected)
    {
        using var standIn = new LoopbackLambdaStandIn(_ => StandInResponse.LambdaError(status, errorType, $"{errorType} from stand-in"));
        using var client = LambdaLayerClient.Create("us-east-1", null, standIn.Url);

        var error = await Assert.ThrowsAnyAsync<LambdaServiceException>(() => client.GetLayerVersionAsync("layer", 1));

        Assert.Equal(expected, error.Kind);
        Assert.Equal(errorType, error.ErrorCode);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal($"{errorType} from stand-in", error.Message);
    }

    [Fact]
    public async Task Throttling_is_retried_with_backoff_before_it_is_reported()
    {
        using var standIn = new LoopbackLambdaStandIn(_ => StandInResponse.LambdaError(429, "TooManyRequestsException", "Rate exceeded"));
        using var client = LambdaLayerClient.Create("us-east-1", null, standIn.Url);

        Assert.Equal(LambdaErrorKind.Throttled, (await Assert.ThrowsAsync<LambdaServiceException>(() => client.ListLayersAsync())).Kind);

        Assert.Equal(3, standIn.Requests.Count);
    }

    [Fact]
    public async Task A_transient_server_error_is_retried_and_then_succeeds()
    {
        var attempts = 0;
        using var standIn = new LoopbackLambdaStandIn(_ => Interlocked.Increment(ref attempts) == 1
            ? StandInResponse.LambdaError(503, "ServiceException", "try again")
            : StandInResponse.Json(200, new { Layers = Array.Empty<object>() }));
        using var client = LambdaLayerClient.Create("us-east-1", null, standIn.Url);

        Assert.Empty(await client.ListLayersAsync());
        Assert.Equal(2, standIn.Requests.Count);
    }

    [Fact]
    public async Task A_publish_retried_after_a_server_error_resends_the_whole_zip()
    {
        var attempts = 0;
        using var standIn = new LoopbackLambdaStandIn(_ => Interlocked.Increment(ref attempts) == 1
            ? StandInResponse.LambdaError(502, "ServiceException", "bad gateway")
            : StandInResponse.Json(201, SignatureCrossCheckTests.LayerVersionBody(1)));
        using var client = LambdaLayerClient.Create("us-east-1", null, standIn.Url);
        var zip = TestZips.Random(200_000);

        await client.PublishLayerVersionAsync(new PublishLayerVersionInput("retried", LayerContent.FromZip(new MemoryStream(zip))));

        Assert.Equal(2, standIn.Requests.Count);
        Assert.All(standIn.Requests, request => Assert.Equal(
            Convert.ToBase64String(zip),
            JsonSerializer.Deserialize<JsonElement>(request.Body).GetProperty("Content").GetProperty("ZipFile").GetString()));
    }

    [Fact]
    public async Task A_cancelled_call_is_not_sent()
    {
        using var standIn = new LoopbackLambdaStandIn(_ => StandInResponse.Json(200, new { Layers = Array.Empty<object>() }));
        using var client = LambdaLayerClient.Create("us-east-1", null, standIn.Url);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ListLayersAsync(new CancellationToken(canceled: true)));
        Assert.Empty(standIn.Requests);
    }

    [Fact]
    public async Task An_oversized_upload_rejected_without_a_lambda_error_body_is_request_too_large()
    {
        using var standIn = new LoopbackLambdaStandIn(_ => new StandInResponse(413,
            "Request must be smaller than 69905067 bytes for the PublishLayerVersion operation", "text/plain"));
        using var client = LambdaLayerClient.Create("us-east-1", null, standIn.Url);

        var error = await Assert.ThrowsAsync<LambdaServiceException>(() => client.PublishLayerVersionAsync(
            new PublishLayerVersionInput("big", LayerContent.FromZip(TestZips.PythonLayer("big")))));
        Assert.Equal(LambdaErrorKind.RequestTooLarge, error.Kind);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, error.StatusCode);
        Assert.Contains("Request must be smaller than", error.Message);
    }

    [Fact]
    public async Task A_skewed_clock_is_corrected_from_the_service_date_and_the_request_resigned()
    {
        var serverNow = DateTimeOffset.UtcNow.AddHours(2);
        using var standIn = new LoopbackLambdaStandIn(request => IsNear(request.Header("X-Amz-Date")!, serverNow)
            ? StandInResponse.Json(200, new { Layers = Array.Empty<object>() })
            : StandInResponse.LambdaError(403, "InvalidSignatureException", "Signature expired") with
            {
                Headers = new Dictionary<string, string>
                {
                    ["x-amzn-ErrorType"] = "InvalidSignatureException",
                    ["Date"] = serverNow.ToString("r", CultureInfo.InvariantCulture),
                },
            });
        using var client = LambdaLayerClient.Create("us-east-1", null, standIn.Url);

        await client.ListLayersAsync();

        Assert.Equal(2, standIn.Requests.Count);
    }

    private static bool IsNear(string amzDate, DateTimeOffset expected)
        => (DateTimeOffset.ParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) - expected).Duration() < TimeSpan.FromMinutes(5);
}
