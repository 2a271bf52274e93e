namespace Ocelot.Engine.Aws.Lambda;

/// <summary>The Lambda errors callers react to differently; <see cref="LambdaServiceException.FromSdk"/> picks one.</summary>
public enum LambdaErrorKind
{
    /// <summary>Any other error answer.</summary>
    Other,

    /// <summary>The layer, version, function or policy does not exist (ResourceNotFoundException).</summary>
    ResourceNotFound,

    /// <summary>The resource already exists or is being changed, e.g. a duplicate statement id (ResourceConflictException).</summary>
    ResourceConflict,

    /// <summary>Still throttled after the SDK's retries (TooManyRequestsException, HTTP 429).</summary>
    Throttled,

    /// <summary>The request body is over Lambda's size limit (RequestTooLargeException, HTTP 413); upload through S3 instead.</summary>
    RequestTooLarge,

    /// <summary>The caller is not allowed, or its credentials or signature were rejected.</summary>
    AccessDenied,

    /// <summary>A parameter was rejected (InvalidParameterValueException).</summary>
    InvalidParameter,

    /// <summary>The account's total code storage is used up (CodeStorageExceededException).</summary>
    CodeStorageExceeded,

    /// <summary>The layer version policy would exceed its size limit (PolicyLengthExceededException).</summary>
    PolicyLengthExceeded,

    /// <summary>The given RevisionId is not the current one (PreconditionFailedException).</summary>
    PreconditionFailed,
}
