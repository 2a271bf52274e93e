using System.Net;
using Amazon.Runtime;

namespace Ocelot.Engine.Aws.Lambda;

/// <summary>An error answer from the Lambda service (after the SDK's retries), with its kind and the fields needed to report it.</summary>
public sealed class LambdaServiceException : Exception
{
    public LambdaServiceException(LambdaErrorKind kind, string message, string? errorCode, HttpStatusCode statusCode, string? requestId, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        ErrorCode = errorCode;
        StatusCode = statusCode;
        RequestId = requestId;
    }

    public LambdaErrorKind Kind { get; }

    /// <summary>Lambda's error type, e.g. <c>ResourceNotFoundException</c>; null when the body was not a Lambda error.</summary>
    public string? ErrorCode { get; }

    public HttpStatusCode StatusCode { get; }

    public string? RequestId { get; }

    internal static LambdaServiceException FromSdk(AmazonServiceException error)
    {
        var code = error.ErrorCode;
        var status = error.StatusCode;
        var message = string.IsNullOrEmpty(error.Message) ? $"Lambda returned HTTP {(int)status} {code}".TrimEnd() : error.Message;
        return new LambdaServiceException(KindOf(code, status, message), message, code, status, error.RequestId, error);
    }

    private static LambdaErrorKind KindOf(string? code, HttpStatusCode status, string message) => code switch
    {
        "ResourceNotFoundException" => LambdaErrorKind.ResourceNotFound,
        "ResourceConflictException" => LambdaErrorKind.ResourceConflict,
        "TooManyRequestsException" or "ThrottlingException" => LambdaErrorKind.Throttled,
        "RequestTooLargeException" or "RequestEntityTooLargeException" => LambdaErrorKind.RequestTooLarge,
        "AccessDeniedException" or "UnrecognizedClientException" or "InvalidSignatureException" => LambdaErrorKind.AccessDenied,
        "InvalidParameterValueException" => LambdaErrorKind.InvalidParameter,
        "CodeStorageExceededException" => LambdaErrorKind.CodeStorageExceeded,
        "PolicyLengthExceededException" => LambdaErrorKind.PolicyLengthExceeded,
        "PreconditionFailedException" => LambdaErrorKind.PreconditionFailed,
        // Oversized uploads are often rejected in front of Lambda, without a Lambda error code.
        _ when status == HttpStatusCode.RequestEntityTooLarge || message.Contains("Request must be smaller than", StringComparison.Ordinal) => LambdaErrorKind.RequestTooLarge,
        _ when status == HttpStatusCode.TooManyRequests => LambdaErrorKind.Throttled,
        _ when status == HttpStatusCode.Forbidden => LambdaErrorKind.AccessDenied,
        _ => LambdaErrorKind.Other,
    };
}
