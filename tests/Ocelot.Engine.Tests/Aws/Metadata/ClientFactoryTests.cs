using Ocelot.Engine.Failures;
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
        using var _ = new EnvironmentVariable(variable, moto.EndpointUrl);
        using var client = MetadataClientFactory.Create(MotoServerFixture.Region, null, null);

        await AssertWorksAsync(client);
        Assert.Equal(moto.EndpointUrl, client.Config.ServiceURL?.TrimEnd('/'));
        Assert.Equal(MotoServerFixture.Region, client.Config.AuthenticationRegion);
    }

    [Fact]
    public async Task Explicit_endpoint_wins_over_the_environment()
    {
        // Nothing listens there: a request that went to it would fail.
        using var _ = new EnvironmentVariable("AWS_ENDPOINT_URL_DYNAMODB", $"http://127.0.0.1:{MotoServerFixture.FreePort()}");
        using var client = MetadataClientFactory.Create(MotoServerFixture.Region, null, moto.EndpointUrl);

        await AssertWorksAsync(client);
        // Setting ServiceURL clears RegionEndpoint in AWSSDK.Core 4.x; the region survives as AuthenticationRegion.
        Assert.Equal(MotoServerFixture.Region, client.Config.AuthenticationRegion);
    }

    [Fact]
    public async Task Named_profile_supplies_the_credentials()
    {
        using var client = MetadataClientFactory.Create(MotoServerFixture.Region, MotoServerFixture.ProfileName, moto.EndpointUrl);
        await AssertWorksAsync(client);

        var error = Assert.Throws<OcelotException>(
            () => MetadataClientFactory.Create(MotoServerFixture.Region, "no-such-profile", moto.EndpointUrl));
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

    /// <summary>Sets a process environment variable for one test; the collection runs its tests one at a time.</summary>
    private sealed class EnvironmentVariable : IDisposable
    {
        private readonly string _name;
        private readonly string? _previous;

        public EnvironmentVariable(string name, string? value)
        {
            _name = name;
            _previous = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }

        public void Dispose() => Environment.SetEnvironmentVariable(_name, _previous);
    }
}
