using System.Net;

namespace Ocelot.Engine.Aws.Lambda;

// The specific Lambda errors callers react to differently; LambdaServiceException.FromSdk picks one.

/// <summary>The layer, version or policy does not exist (ResourceNotFoundException).</summary>
public sealed class LambdaResourceNotFoundException(string message, string? errorCode, HttpStatusCode statusCode, string? requestId, Exception? inner)
    : LambdaServiceException(message, errorCode, statusCode, requestId, inner);

/// <summary>The resource already exists or is being changed, e.g. a duplicate statement id (ResourceConflictException).</summary>
public sealed class LambdaResourceConflictException(string message, string? errorCode, HttpStatusCode statusCode, string? requestId, Exception? inner)
    : LambdaServiceException(message, errorCode, statusCode, requestId, inner);

/// <summary>Still throttled after the SDK's retries (TooManyRequestsException, HTTP 429).</summary>
public sealed class LambdaThrottledException(string message, string? errorCode, HttpStatusCode statusCode, string? requestId, Exception? inner)
    : LambdaServiceException(message, errorCode, statusCode, requestId, inner);

/// <summary>The request body is over Lambda's size limit (RequestTooLargeException, HTTP 413); upload through S3 instead.</summary>
public sealed class LambdaRequestTooLargeException(string message, string? errorCode, HttpStatusCode statusCode, string? requestId, Exception? inner)
    : LambdaServiceException(message, errorCode, statusCode, requestId, inner);

/// <summary>The caller is not allowed, or its credentials or signature were rejected.</summary>
public sealed class LambdaAccessDeniedException(string message, string? errorCode, HttpStatusCode statusCode, string? requestId, Exception? inner)
    : LambdaServiceException(message, errorCode, statusCode, requestId, inner);

/// <summary>A parameter was rejected (InvalidParameterValueException).</summary>
public sealed class LambdaInvalidParameterException(string message, string? errorCode, HttpStatusCode statusCode, string? requestId, Exception? inner)
    : LambdaServiceException(message, errorCode, statusCode, requestId, inner);

/// <summary>The account's total code storage is used up (CodeStorageExceededException).</summary>
public sealed class LambdaCodeStorageExceededException(string message, string? errorCode, HttpStatusCode statusCode, string? requestId, Exception? inner)
    : LambdaServiceException(message, errorCode, statusCode, requestId, inner);

/// <summary>The layer version policy would exceed its size limit (PolicyLengthExceededException).</summary>
public sealed class LambdaPolicyLengthExceededException(string message, string? errorCode, HttpStatusCode statusCode, string? requestId, Exception? inner)
    : LambdaServiceException(message, errorCode, statusCode, requestId, inner);

/// <summary>The given RevisionId is not the current one (PreconditionFailedException).</summary>
public sealed class LambdaPreconditionFailedException(string message, string? errorCode, HttpStatusCode statusCode, string? requestId, Exception? inner)
    : LambdaServiceException(message, errorCode, statusCode, requestId, inner);
