namespace Ocelot.Engine.Aws.Metadata;

/// <summary>The metadata table does not exist; it is created by <c>Initialize-OcelotMetadataTable</c>.</summary>
public sealed class MetadataTableNotFoundException(string tableName, string? region, Exception? innerException = null)
    : Exception($"The metadata table '{tableName}' does not exist in region '{region ?? "(unknown)"}'. "
        + "Run Initialize-OcelotMetadataTable to create it.", innerException)
{
    public string TableName { get; } = tableName;
    public string? Region { get; } = region;
}
