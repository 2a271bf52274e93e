using System.Net;
using Amazon.Runtime;
using Ocelot.Engine.Aws.Lambda;
using Ocelot.Engine.Aws.Metadata;
using Ocelot.Engine.Failures;

namespace Ocelot.Engine.Aws;

/// <summary>
/// The one place that classifies Lambda, DynamoDB, SDK and network failures: what they mean for a caller
/// (<see cref="IsServiceOrNetwork"/>, <see cref="OutcomeUnknown"/>, <see cref="IsRegionNotEnabled"/>), and the
/// OcelotException that says which region and step failed (<see cref="Translate"/>).
/// </summary>
public static class AwsFailures
{
    public static OcelotException Translate(Exception exception, string errorId, string region, string step, object? target = null)
    {
        if (exception is OcelotException ocelot) return ocelot;
        var where = $"{step} in {region} failed";
        return exception switch
        {
            LambdaServiceException { Kind: LambdaErrorKind.RequestTooLarge } => new OcelotException(ErrorIds.LayerTooLargeForDirectUpload, FailureKind.LimitsExceeded,
                $"{where}: Lambda refused the request as too large ({exception.Message}).", "Stage the zip in S3 with a staging bucket.", target, exception),
            LambdaServiceException { Kind: LambdaErrorKind.AccessDenied } => new OcelotException(ErrorIds.LambdaAccessDenied, FailureKind.PermissionDenied,
                $"{where}: access denied ({exception.Message}).", "Check that your credentials allow this Lambda action in this region.", target, exception),
            LambdaServiceException { Kind: LambdaErrorKind.Throttled } => new OcelotException(ErrorIds.LambdaThrottled, FailureKind.LimitsExceeded,
                $"{where}: throttled after retries ({exception.Message}).", "Try again later, or work on fewer regions or functions at once.", target, exception),
            LambdaServiceException lambda => new OcelotException(errorId, FailureKind.InvalidOperation,
                $"{where}: {lambda.ErrorCode ?? $"HTTP {(int)lambda.StatusCode}"}: {lambda.Message}", null, target, exception),
            MetadataTableException { Problem: MetadataTableProblem.NotFound } missing => new OcelotException(ErrorIds.MetadataTableNotFound, FailureKind.ObjectNotFound,
                missing.Message, $"Run Initialize-OcelotMetadataTable -TableName {missing.TableName} -Region {missing.Region}, or work without the metadata table.", target, exception),
            AmazonClientException client when client.Message.Contains("credentials", StringComparison.OrdinalIgnoreCase) =>
                new OcelotException(ErrorIds.CredentialsNotFound, FailureKind.PermissionDenied, $"{where}: no AWS credentials were found ({client.Message}).",
                    "Set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, sign in (aws sso login), or name a profile.", target, exception),
            AmazonServiceException { StatusCode: HttpStatusCode.Forbidden } or AmazonServiceException { ErrorCode: "AccessDeniedException" or "UnrecognizedClientException" or "InvalidSignatureException" } =>
                new OcelotException(ErrorIds.LambdaAccessDenied, FailureKind.PermissionDenied, $"{where}: access denied ({exception.Message}).",
                    "Check that your credentials allow this action in this region.", target, exception),
            AmazonServiceException { StatusCode: HttpStatusCode.TooManyRequests } or AmazonServiceException { ErrorCode: "TooManyRequestsException" or "ThrottlingException" } =>
                new OcelotException(ErrorIds.LambdaThrottled, FailureKind.LimitsExceeded, $"{where}: throttled after retries ({exception.Message}).",
                    "Try again later, or work on fewer regions or functions at once.", target, exception),
            HttpRequestException or TaskCanceledException or System.Net.Sockets.SocketException or AmazonClientException =>
                new OcelotException(errorId, FailureKind.ConnectionError, $"{where}: {exception.Message}",
                    "Check the network, the endpoint and the region.", target, exception),
            _ => new OcelotException(errorId, FailureKind.InvalidOperation, $"{where}: {exception.Message}", null, target, exception),
        };
    }

    /// <summary>
    /// A refusal by an AWS service (other than the metadata table's schema) or no answer at all: what a step that
    /// is only a courtesy (a preflight look, reading metadata to enrich a listing, deleting a staged object) reports
    /// and carries on from.
    /// </summary>
    public static bool IsServiceOrNetwork(Exception exception) =>
        exception is AmazonServiceException or LambdaServiceException or HttpRequestException
            or MetadataTableException { Problem: MetadataTableProblem.NotFound or MetadataTableProblem.AccessDenied };

    /// <summary>
    /// Whether a call that is not idempotent may have taken effect: a definite refusal (a 4xx other than throttling
    /// or a timeout) made nothing; no answer, a 5xx or anything else may have.
    /// </summary>
    public static bool OutcomeUnknown(Exception exception) => exception switch
    {
        OcelotException => false,
        LambdaServiceException service => service.StatusCode is 0 || (int)service.StatusCode >= 500 || service.StatusCode == HttpStatusCode.TooManyRequests
            || service.StatusCode == HttpStatusCode.RequestTimeout,
        _ => true,
    };

    /// <summary>The region is not enabled for the account: Lambda there does not know the caller's credentials.</summary>
    public static bool IsRegionNotEnabled(Exception exception) =>
        exception is LambdaServiceException { Kind: LambdaErrorKind.AccessDenied, ErrorCode: "UnrecognizedClientException" or "InvalidSignatureException" or "AuthFailure" };
}
