using Amazon;
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
    public static IAmazonDynamoDB Create(string region, AwsConnection connection)
    {
        if (string.IsNullOrWhiteSpace(region)) throw new ArgumentException("A region is required.", nameof(region));

        // The region must be set before ServiceURL: in AWSSDK.Core 4.x setting RegionEndpoint clears ServiceURL.
        var config = new AmazonDynamoDBConfig { RegionEndpoint = RegionEndpoint.GetBySystemName(region) };
        // Without an explicit URL the SDK itself reads AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL and the
        // profile's endpoint_url (honouring AWS_IGNORE_CONFIGURED_ENDPOINT_URLS) into ServiceURL.
        if (!string.IsNullOrWhiteSpace(connection.EndpointUrl)) config.ServiceURL = connection.EndpointUrl;
        // With a ServiceURL the signer cannot infer the region from the host name.
        if (config.ServiceURL is not null) config.AuthenticationRegion = region;
        return connection.Credentials() is { } credentials ? new AmazonDynamoDBClient(credentials, config) : new AmazonDynamoDBClient(config);
    }
}
