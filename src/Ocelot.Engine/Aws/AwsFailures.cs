using System.Net;
using Amazon.Runtime;
using Ocelot.Engine.Aws.Lambda;
using Ocelot.Engine.Aws.Metadata;
using Ocelot.Engine.Failures;

namespace Ocelot.Engine.Aws;

/// <summary>Turns Lambda, SDK and network failures into OcelotExceptions that say which region and step failed: the one place that maps them.</summary>
public static class AwsFailures
{
    public static OcelotException Translate(Exception exception, string errorId, string region, string step, object? target = null)
    {
        if (exception is OcelotException ocelot) return ocelot;
        var where = $"{step} in {region} failed";
        return exception switch
        {
            LambdaRequestTooLargeException => new OcelotException(ErrorIds.LayerTooLargeForDirectUpload, FailureKind.LimitsExceeded,
                $"{where}: Lambda refused the request as too large ({exception.Message}).", "Stage the zip in S3 with a staging bucket.", target, exception),
            LambdaAccessDeniedException => new OcelotException(ErrorIds.LambdaAccessDenied, FailureKind.PermissionDenied,
                $"{where}: access denied ({exception.Message}).", "Check that your credentials allow this Lambda action in this region.", target, exception),
            LambdaThrottledException => new OcelotException(ErrorIds.LambdaThrottled, FailureKind.LimitsExceeded,
                $"{where}: throttled after retries ({exception.Message}).", "Try again later, or work on fewer regions or functions at once.", target, exception),
            LambdaServiceException lambda => new OcelotException(errorId, FailureKind.InvalidOperation,
                $"{where}: {lambda.ErrorCode ?? $"HTTP {(int)lambda.StatusCode}"}: {lambda.Message}", null, target, exception),
            MetadataTableNotFoundException missing => new OcelotException(ErrorIds.MetadataTableNotFound, FailureKind.ObjectNotFound,
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
}
