using Ocelot.Engine.Failures;
using Ocelot.Engine.Aws;
using Ocelot.Engine.Aws.Metadata;

namespace Ocelot.Engine.Tests.Aws.Metadata;

[Collection(MotoCollection.Name)]
public sealed class ClientFactoryTests(MotoServerFixture moto)
{
    [Theory]
    [InlineData("AWS_ENDPOINT_URL_DYNAMODB")]
    [InlineData("AWS_ENDPOINT_URL")]
    public async Task Endpoint_comes_from_the_environment(string variable)
    {
        using var _ = new EnvironmentScope().Set(variable, moto.EndpointUrl);
        using var client = AwsClients.DynamoDb(MotoServerFixture.Region, new AwsConnection(null, null));

        await AssertWorksAsync(client);
        Assert.Equal(moto.EndpointUrl, client.Config.ServiceURL?.TrimEnd('/'));
        Assert.Equal(MotoServerFixture.Region, client.Config.AuthenticationRegion);
    }

    [Fact]
    public async Task Explicit_endpoint_wins_over_the_environment()
    {
        // Nothing listens there: a request that went to it would fail.
        using var _ = new EnvironmentScope().Set("AWS_ENDPOINT_URL_DYNAMODB", $"http://127.0.0.1:{LoopbackPort.Free()}");
        using var client = AwsClients.DynamoDb(MotoServerFixture.Region, new AwsConnection(null, moto.EndpointUrl));

        await AssertWorksAsync(client);
        // Setting ServiceURL clears RegionEndpoint in AWSSDK.Core 4.x; the region survives as AuthenticationRegion.
        Assert.Equal(MotoServerFixture.Region, client.Config.AuthenticationRegion);
    }

    [Fact]
    public async Task Named_profile_supplies_the_credentials()
    {
        using var client = AwsClients.DynamoDb(MotoServerFixture.Region, new AwsConnection(MotoServerFixture.ProfileName, moto.EndpointUrl));
        await AssertWorksAsync(client);

        var error = Assert.Throws<OcelotException>(
            () => AwsClients.DynamoDb(MotoServerFixture.Region, new AwsConnection("no-such-profile", moto.EndpointUrl)));
        Assert.Equal(ErrorIds.AwsProfileNotFound, error.ErrorId);
        Assert.Contains("no-such-profile", error.Message);
    }

    private static async Task AssertWorksAsync(Amazon.DynamoDBv2.IAmazonDynamoDB client)
    {
        var table = new LayerMetadataTable(client, MotoServerFixture.UniqueTableName("factory"));
        await table.EnsureTableAsync();
        await table.PutAsync(SampleItems.Minimal());
        Assert.NotNull(await table.GetAsync(SampleItems.Minimal().LayerArn));
    }
}
