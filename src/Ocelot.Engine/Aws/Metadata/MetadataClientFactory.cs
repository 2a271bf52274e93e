using Amazon.DynamoDBv2;

namespace Ocelot.Engine.Aws.Metadata;

/// <summary>Builds the DynamoDB client the metadata table talks through.</summary>
public static class MetadataClientFactory
{
    /// <param name="region">AWS region of the table, e.g. <c>us-east-1</c>.</param>
    /// <param name="profileName">A profile from the shared config/credentials files; null for the default credential chain.</param>
    /// <param name="endpointUrl">
    /// An endpoint override (e.g. a local emulator). Wins over <c>AWS_ENDPOINT_URL_DYNAMODB</c> and
    /// <c>AWS_ENDPOINT_URL</c>, which are honoured otherwise.
    /// </param>
    public static IAmazonDynamoDB Create(string region, string? profileName = null, string? endpointUrl = null) =>
        Create(region, new AwsConnection(profileName, endpointUrl));

    /// <summary>A client with the connection's credentials (resolved as the AWS CLI does) and endpoint.</summary>
    public static IAmazonDynamoDB Create(string region, AwsConnection connection) => AwsClients.DynamoDb(region, connection);
}
