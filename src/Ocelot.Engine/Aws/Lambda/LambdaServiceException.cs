using System.Net;
using Amazon.Runtime;

namespace Ocelot.Engine.Aws.Lambda;

/// <summary>An error answer from the Lambda service (after the SDK's retries), with the fields needed to report it.</summary>
public class LambdaServiceException : Exception
{
    public LambdaServiceException(string message, string? errorCode, HttpStatusCode statusCode, string? requestId, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorCode = errorCode;
        StatusCode = statusCode;
        RequestId = requestId;
    }

    /// <summary>Lambda's error type, e.g. <c>ResourceNotFoundException</c>; null when the body was not a Lambda error.</summary>
    public string? ErrorCode { get; }

    public HttpStatusCode StatusCode { get; }

    public string? RequestId { get; }

    internal static LambdaServiceException FromSdk(AmazonServiceException error)
    {
        var code = error.ErrorCode;
        var status = error.StatusCode;
        var message = string.IsNullOrEmpty(error.Message) ? $"Lambda returned HTTP {(int)status} {code}".TrimEnd() : error.Message;
        var requestId = error.RequestId;
        return code switch
        {
            "ResourceNotFoundException" => new LambdaResourceNotFoundException(message, code, status, requestId, error),
            "ResourceConflictException" => new LambdaResourceConflictException(message, code, status, requestId, error),
            "TooManyRequestsException" or "ThrottlingException" => new LambdaThrottledException(message, code, status, requestId, error),
            "RequestTooLargeException" or "RequestEntityTooLargeException" => new LambdaRequestTooLargeException(message, code, status, requestId, error),
            "AccessDeniedException" or "UnrecognizedClientException" or "InvalidSignatureException"
                => new LambdaAccessDeniedException(message, code, status, requestId, error),
            "InvalidParameterValueException" => new LambdaInvalidParameterException(message, code, status, requestId, error),
            "CodeStorageExceededException" => new LambdaCodeStorageExceededException(message, code, status, requestId, error),
            "PolicyLengthExceededException" => new LambdaPolicyLengthExceededException(message, code, status, requestId, error),
            "PreconditionFailedException" => new LambdaPreconditionFailedException(message, code, status, requestId, error),
            // Oversized uploads are often rejected in front of Lambda, without a Lambda error code.
            _ when status == HttpStatusCode.RequestEntityTooLarge || message.Contains("Request must be smaller than", StringComparison.Ordinal)
                => new LambdaRequestTooLargeException(message, code, status, requestId, error),
            _ when status == HttpStatusCode.TooManyRequests => new LambdaThrottledException(message, code, status, requestId, error),
            _ when status == HttpStatusCode.Forbidden => new LambdaAccessDeniedException(message, code, status, requestId, error),
            _ => new LambdaServiceException(message, code, status, requestId, error),
        };
    }
}
