namespace Ocelot;

/// <summary>What kind of failure an <see cref="OcelotException"/> is; the module maps it to a PowerShell ErrorCategory.</summary>
public enum FailureKind
{
    InvalidArgument,
    InvalidData,
    ObjectNotFound,
    NotInstalled,
    ReadError,
    WriteError,
    ParserError,
    InvalidOperation,
    ConnectionError,
    PermissionDenied,
    LimitsExceeded,
    ResourceExists,
    OperationStopped,
    ResourceBusy,
    NotImplemented,
}
