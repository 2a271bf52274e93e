using Ocelot.Engine.Aws.Lambda;

namespace Ocelot.Engine.Tests.Aws.Lambda;

public sealed class ClientFactoryTests
{
    [Theory]
    [InlineData("us-east-1")]
    [InlineData("us-gov-west-1")]
    [InlineData("cn-northwest-1")]
    [InlineData("eu-isoe-west-1")]
    [InlineData("EU-WEST-2")]
    public void Accepts_region_names(string region)
    {
        using var client = LambdaLayerClient.Create(region, null, "http://127.0.0.1:9");
        Assert.NotNull(client);
    }

    [Theory]
    [InlineData("useast1")]
    [InlineData("us-east")]
    [InlineData("us_east_1")]
    [InlineData("lambda.us-east-1.amazonaws.com")]
    [InlineData("us-east-1/../x")]
    public void Rejects_strings_that_are_not_region_names(string region)
    {
        Assert.Throws<ArgumentException>(() => LambdaLayerClient.Create(region, null, "http://127.0.0.1:9"));
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://127.0.0.1/")]
    public void Rejects_endpoints_that_are_not_http_urls(string endpoint)
    {
        Assert.Throws<ArgumentException>(() => LambdaLayerClient.Create("us-east-1", null, endpoint));
    }

    [Theory]
    [InlineData("us-east-1", "https://lambda.us-east-1.amazonaws.com/")]
    [InlineData("cn-north-1", "https://lambda.cn-north-1.amazonaws.com.cn/")]
    [InlineData("eu-west-3", "https://lambda.eu-west-3.amazonaws.com/")]
    public void Resolves_the_regional_endpoint_without_an_override(string region, string expected)
    {
        using var client = LambdaLayerClient.Create(region);

        var endpoint = client.Config.DetermineServiceOperationEndpoint(new Amazon.Runtime.Endpoints.ServiceOperationEndpointParameters(new LambdaOperationRequest("GET", "/")));

        Assert.Equal(expected, endpoint.URL);
    }
}
