namespace Ocelot.Engine.Aws.Metadata;

/// <summary>The metadata table is missing, refuses the caller, or has another schema (<see cref="Problem"/>).</summary>
public sealed class MetadataTableException : Exception
{
    private MetadataTableException(MetadataTableProblem problem, string tableName, string? region, string message, Exception? innerException)
        : base(message, innerException)
    {
        Problem = problem;
        TableName = tableName;
        Region = region;
    }

    public MetadataTableProblem Problem { get; }
    public string TableName { get; }
    public string? Region { get; }

    /// <summary>The refused operation (AccessDenied), e.g. PutItem.</summary>
    public string? Operation { get; private init; }

    /// <summary>How the table differs from the metadata schema (SchemaMismatch).</summary>
    public IReadOnlyList<string> Differences { get; private init; } = [];

    public static MetadataTableException NotFound(string tableName, string? region, Exception? innerException = null) =>
        new(MetadataTableProblem.NotFound, tableName, region,
            $"The metadata table '{tableName}' does not exist in region '{region ?? "(unknown)"}'. Run Initialize-OcelotMetadataTable to create it.", innerException);

    public static MetadataTableException AccessDenied(string tableName, string? region, string operation, Exception? innerException = null) =>
        new(MetadataTableProblem.AccessDenied, tableName, region,
            $"Access denied for {operation} on the metadata table '{tableName}' in region '{region ?? "(unknown)"}': {innerException?.Message}", innerException)
        { Operation = operation };

    public static MetadataTableException SchemaMismatch(string tableName, IReadOnlyList<string> differences) =>
        new(MetadataTableProblem.SchemaMismatch, tableName, null,
            $"The table '{tableName}' exists but does not have the layer metadata schema: {string.Join("; ", differences)}", null)
        { Differences = differences };
}
