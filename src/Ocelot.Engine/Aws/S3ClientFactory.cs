using Amazon;
using Amazon.S3;

namespace Ocelot.Engine.Aws;

/// <summary>Builds S3 clients for staging large layer zips, with the same credential and endpoint rules as Lambda.</summary>
public static class S3ClientFactory
{
    public static IAmazonS3 Create(string region, AwsConnection connection)
    {
        // Region first: in AWSSDK.Core 4.x setting RegionEndpoint clears ServiceURL (which the SDK may have filled from
        // AWS_ENDPOINT_URL_S3 or AWS_ENDPOINT_URL).
        var config = new AmazonS3Config { RegionEndpoint = RegionEndpoint.GetBySystemName(region) };
        if (!string.IsNullOrWhiteSpace(connection.EndpointUrl)) config.ServiceURL = connection.EndpointUrl;
        if (config.ServiceURL is not null)
        {
            // An endpoint override (an emulator, a VPC endpoint) rarely resolves bucket host names.
            config.ForcePathStyle = true;
            config.AuthenticationRegion = region;
        }
        return connection.Credentials() is { } credentials ? new AmazonS3Client(credentials, config) : new AmazonS3Client(config);
    }
}
