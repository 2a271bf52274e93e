namespace Ocelot.Engine.Aws.Metadata;

/// <summary>A table with the metadata table's name exists but its keys or indexes are not the expected ones.</summary>
public sealed class MetadataTableSchemaMismatchException(string tableName, IReadOnlyList<string> differences)
    : Exception($"The table '{tableName}' exists but does not have the layer metadata schema: "
        + string.Join("; ", differences))
{
    public string TableName { get; } = tableName;
    public IReadOnlyList<string> Differences { get; } = differences;
}
