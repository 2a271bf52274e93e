using Ocelot.Engine.Failures;

namespace Ocelot.Engine.Aws.Metadata;

/// <summary>Creates the metadata table with the reference schema, or confirms it is there with that schema.</summary>
public static class MetadataTableSetup
{
    public static async Task<TableState> EnsureAsync(string tableName, string region, AwsConnection connection, CancellationToken cancellationToken)
    {
        using var client = AwsClients.DynamoDb(region, connection);
        try
        {
            return await new LayerMetadataTable(client, tableName).EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (MetadataTableException ex) when (ex.Problem == MetadataTableProblem.SchemaMismatch)
        {
            throw new OcelotException(ErrorIds.MetadataTableSchemaMismatch, FailureKind.ResourceExists,
                $"Table '{tableName}' in {region} exists with another schema: {ex.Message}",
                "Choose another table name, or delete the table if nothing needs it.", tableName, ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw AwsFailures.Translate(ex, ErrorIds.MetadataTableFailed, region, $"Creating table '{tableName}'", tableName);
        }
    }
}
