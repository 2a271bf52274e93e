using Ocelot.Engine.Aws.Lambda;
using Ocelot.Engine.Aws.Metadata;

namespace Ocelot.Engine.Aws;

/// <summary>The real layer services: Lambda's layer API and the DynamoDB metadata table, reached through one connection.</summary>
public sealed class AwsLayerServices(AwsConnection connection) : ILayerServices
{
    public ILayerStore OpenLayers(string region, bool withoutRetries = false) => LambdaLayerClient.Create(region, connection, withoutRetries);

    public ILayerMetadataStore OpenMetadata(string region, string tableName) =>
        new LayerMetadataTable(AwsClients.DynamoDb(region, connection), tableName) { OwnsClient = true };
}
