using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SimpleSystemsManagement;

namespace Ocelot.Engine.Aws;

/// <summary>
/// The one place the SDK's DynamoDB, S3 and SSM clients are built from an <see cref="AwsConnection"/> (Lambda has its
/// own client, <c>LambdaLayerClient.Create</c>): the connection's credentials, else the SDK's default chain, and its
/// endpoint override, else the endpoint the SDK reads itself (AWS_ENDPOINT_URL_&lt;SERVICE&gt;, AWS_ENDPOINT_URL, the
/// profile's endpoint_url). A copy target's clients come from <c>TargetAccount.Connection</c> the same way.
/// </summary>
internal static class AwsClients
{
    public static IAmazonDynamoDB DynamoDb(string region, AwsConnection connection) =>
        Create(region, connection, new AmazonDynamoDBConfig(), (credentials, config) => new AmazonDynamoDBClient(credentials, config), config => new AmazonDynamoDBClient(config));

    public static IAmazonS3 S3(string region, AwsConnection connection)
    {
        var s3 = new AmazonS3Config();
        return Create(region, connection, s3, (credentials, config) => new AmazonS3Client(credentials, config), config => new AmazonS3Client(config),
            // An endpoint override (an emulator, a VPC endpoint) rarely resolves bucket host names.
            config => config.ForcePathStyle = true);
    }

    public static IAmazonSimpleSystemsManagement Ssm(string region, AwsConnection connection) =>
        Create(region, connection, new AmazonSimpleSystemsManagementConfig(),
            (credentials, config) => new AmazonSimpleSystemsManagementClient(credentials, config), config => new AmazonSimpleSystemsManagementClient(config));

    private static TClient Create<TConfig, TClient>(string region, AwsConnection connection, TConfig config,
        Func<AWSCredentials, TConfig, TClient> signed, Func<TConfig, TClient> byDefaultChain, Action<TConfig>? withEndpoint = null)
        where TConfig : ClientConfig
    {
        if (string.IsNullOrWhiteSpace(region)) throw new ArgumentException("A region is required.", nameof(region));
        // The region must be set before ServiceURL: in AWSSDK.Core 4.x setting RegionEndpoint clears ServiceURL
        // (which the SDK may have filled from AWS_ENDPOINT_URL_<SERVICE> or AWS_ENDPOINT_URL).
        config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        if (!string.IsNullOrWhiteSpace(connection.EndpointUrl)) config.ServiceURL = connection.EndpointUrl;
        if (config.ServiceURL is not null)
        {
            // With a ServiceURL the signer cannot infer the region from the host name.
            config.AuthenticationRegion = region;
            withEndpoint?.Invoke(config);
        }
        return connection.Credentials() is { } credentials ? signed(credentials, config) : byDefaultChain(config);
    }
}
