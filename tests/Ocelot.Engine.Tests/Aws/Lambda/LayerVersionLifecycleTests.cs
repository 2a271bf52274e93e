using Ocelot.Engine.Tests.Aws.Lambda.Support;

using Ocelot.Engine.Aws.Lambda;

namespace Ocelot.Engine.Tests.Aws.Lambda;

public sealed class LayerVersionLifecycleTests(MotoServerFixture moto) : IClassFixture<MotoServerFixture>
{
    [Fact]
    public async Task Get_returns_what_was_published()
    {
        var name = TestZips.UniqueLayerName("get");
        var zip = TestZips.PythonLayer(name);
        using var client = LambdaLayerClient.Create("us-east-1", null, moto.Url);
        var published = await client.PublishLayerVersionAsync(new PublishLayerVersionInput(name, LayerContent.FromZip(zip))
        {
            Description = "to get",
            CompatibleArchitectures = ["arm64"],
            LicenseInfo = "Apache-2.0",
        });

        var fetched = await client.GetLayerVersionAsync(name, 1);

        Assert.Equivalent(published, fetched, strict: true);
        Assert.Equal(TestZips.Sha256Base64(zip), fetched.Content.CodeSha256);
        Assert.Equal(["arm64"], fetched.CompatibleArchitectures);
        Assert.Empty(fetched.CompatibleRuntimes);
    }

    [Fact]
    public async Task Delete_removes_the_version()
    {
        var name = TestZips.UniqueLayerName("delete");
        using var client = LambdaLayerClient.Create("us-east-1", null, moto.Url);
        await client.PublishLayerVersionAsync(new PublishLayerVersionInput(name, LayerContent.FromZip(TestZips.PythonLayer("1"))));
        await client.PublishLayerVersionAsync(new PublishLayerVersionInput(name, LayerContent.FromZip(TestZips.PythonLayer("2"))));

        await client.DeleteLayerVersionAsync(name, 1);

        var error = await Assert.ThrowsAsync<LambdaServiceException>(() => client.GetLayerVersionAsync(name, 1));
        Assert.Equal(LambdaErrorKind.ResourceNotFound, error.Kind);
        Assert.Equal("ResourceNotFoundException", error.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.StatusCode);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
        Assert.Equal([2L], (await client.ListLayerVersionsAsync(name)).Select(v => v.Version));
    }

    [Fact]
    public async Task Layer_given_by_arn_can_be_read_shared_and_deleted()
    {
        var name = TestZips.UniqueLayerName("arn");
        using var client = LambdaLayerClient.Create("us-east-1", null, moto.Url);
        var published = await client.PublishLayerVersionAsync(new PublishLayerVersionInput(name, LayerContent.FromZip(TestZips.PythonLayer(name))));

        var fetched = await client.GetLayerVersionAsync(published.LayerArn, 1);
        await client.AddLayerVersionPermissionAsync(published.LayerArn, 1, "public", "lambda:GetLayerVersion", "*");
        var policy = await client.GetLayerVersionPolicyAsync(published.LayerArn, 1);
        await client.DeleteLayerVersionAsync(published.LayerArn, 1);

        Assert.Equal(published.LayerVersionArn, fetched.LayerVersionArn);
        Assert.Contains("\"public\"", policy!.Policy);
        Assert.Equal(LambdaErrorKind.ResourceNotFound, (await Assert.ThrowsAsync<LambdaServiceException>(() => client.GetLayerVersionAsync(name, 1))).Kind);
    }

    [Fact]
    public async Task Getting_an_unknown_version_is_not_found()
    {
        using var client = LambdaLayerClient.Create("us-east-1", null, moto.Url);

        var error = await Assert.ThrowsAsync<LambdaServiceException>(() => client.GetLayerVersionAsync(TestZips.UniqueLayerName("missing"), 1));
        Assert.Equal(LambdaErrorKind.ResourceNotFound, error.Kind);

        Assert.Contains("Cannot find layer", error.Message);
    }
}
