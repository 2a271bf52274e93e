namespace Ocelot.Engine.Aws.Metadata;

/// <summary>What is wrong with the metadata table, as <see cref="MetadataTableException"/> reports it.</summary>
public enum MetadataTableProblem
{
    /// <summary>The table does not exist; it is created by <c>Initialize-OcelotMetadataTable</c>.</summary>
    NotFound,

    /// <summary>The caller's credentials are not allowed to perform an operation on the table.</summary>
    AccessDenied,

    /// <summary>A table with the name exists but its keys or indexes are not the expected ones.</summary>
    SchemaMismatch,
}
