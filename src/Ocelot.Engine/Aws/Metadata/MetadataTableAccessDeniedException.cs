namespace Ocelot.Engine.Aws.Metadata;

/// <summary>The caller's credentials are not allowed to perform an operation on the metadata table.</summary>
public sealed class MetadataTableAccessDeniedException(string tableName, string? region, string operation, Exception? innerException = null)
    : Exception($"Access denied for {operation} on the metadata table '{tableName}' in region '{region ?? "(unknown)"}': "
        + innerException?.Message, innerException)
{
    public string TableName { get; } = tableName;
    public string? Region { get; } = region;
    public string Operation { get; } = operation;
}
