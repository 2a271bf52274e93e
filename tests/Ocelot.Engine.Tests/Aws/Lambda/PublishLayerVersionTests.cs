using Ocelot.Engine.Tests.Aws.Lambda.Support;

using Ocelot.Engine.Aws.Lambda;

namespace Ocelot.Engine.Tests.Aws.Lambda;

public sealed class PublishLayerVersionTests(MotoServerFixture moto) : IClassFixture<MotoServerFixture>
{
    [Fact]
    public async Task Published_version_is_seen_by_the_aws_cli_with_the_same_metadata_and_hash()
    {
        var name = TestZips.UniqueLayerName("publish");
        var zip = TestZips.PythonLayer(name);
        using var client = LambdaLayerClient.Create("us-east-1", null, moto.Url);

        var published = await client.PublishLayerVersionAsync(new PublishLayerVersionInput(name, LayerContent.FromZip(zip))
        {
            Description = "Ocelot test layer",
            CompatibleRuntimes = ["python3.12", "python3.13"],
            CompatibleArchitectures = ["arm64", "x86_64"],
            LicenseInfo = "MIT",
        });

        Assert.Equal($"arn:aws:lambda:us-east-1:123456789012:layer:{name}", published.LayerArn);
        Assert.Equal(published.LayerArn + ":1", published.LayerVersionArn);
        Assert.Equal(1, published.Version);
        Assert.Equal(TestZips.Sha256Base64(zip), published.Content.CodeSha256);
        Assert.Equal(zip.Length, published.Content.CodeSize);
        Assert.InRange(published.CreatedDate, DateTimeOffset.UtcNow.AddMinutes(-10), DateTimeOffset.UtcNow.AddMinutes(10));

        var fromCli = AwsCli.Lambda(moto.Url, "get-layer-version", "--layer-name", name, "--version-number", "1");
        Assert.Equal("Ocelot test layer", fromCli.GetProperty("Description").GetString());
        Assert.Equal(["python3.12", "python3.13"], fromCli.GetProperty("CompatibleRuntimes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["arm64", "x86_64"], fromCli.GetProperty("CompatibleArchitectures").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("MIT", fromCli.GetProperty("LicenseInfo").GetString());
        Assert.Equal(TestZips.Sha256Base64(zip), fromCli.GetProperty("Content").GetProperty("CodeSha256").GetString());

        var listed = AwsCli.Lambda(moto.Url, "list-layer-versions", "--layer-name", name).GetProperty("LayerVersions").EnumerateArray().Single();
        Assert.Equal(published.LayerVersionArn, listed.GetProperty("LayerVersionArn").GetString());
        Assert.Equal("Ocelot test layer", listed.GetProperty("Description").GetString());
        Assert.Equal(["arm64", "x86_64"], listed.GetProperty("CompatibleArchitectures").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task A_multi_megabyte_zip_from_a_non_seekable_stream_arrives_intact()
    {
        var name = TestZips.UniqueLayerName("large");
        var zip = TestZips.Random(3 * 1024 * 1024 + 7);
        using var client = LambdaLayerClient.Create("us-east-1", null, moto.Url);

        var published = await client.PublishLayerVersionAsync(new PublishLayerVersionInput(name, LayerContent.FromZip(new NonSeekableStream(zip))));

        Assert.Equal(TestZips.Sha256Base64(zip), published.Content.CodeSha256);
        Assert.Equal(zip.Length, published.Content.CodeSize);
        var fromCli = AwsCli.Lambda(moto.Url, "get-layer-version", "--layer-name", name, "--version-number", "1");
        Assert.Equal(TestZips.Sha256Base64(zip), fromCli.GetProperty("Content").GetProperty("CodeSha256").GetString());
    }

    [Fact]
    public async Task Publishing_again_creates_the_next_version()
    {
        var name = TestZips.UniqueLayerName("republish");
        using var client = LambdaLayerClient.Create("us-east-1", null, moto.Url);

        await client.PublishLayerVersionAsync(new PublishLayerVersionInput(name, LayerContent.FromZip(TestZips.PythonLayer("a"))));
        var second = await client.PublishLayerVersionAsync(new PublishLayerVersionInput(name, LayerContent.FromZip(TestZips.PythonLayer("b"))));

        Assert.Equal(2, second.Version);
    }

    [Fact]
    public async Task Publishing_from_a_missing_S3_object_is_an_invalid_parameter()
    {
        using var client = LambdaLayerClient.Create("us-east-1", null, moto.Url);

        var error = await Assert.ThrowsAsync<LambdaServiceException>(() => client.PublishLayerVersionAsync(
            new PublishLayerVersionInput(TestZips.UniqueLayerName("s3"), LayerContent.FromS3("ocelot-no-such-bucket", "layer.zip"))));
        Assert.Equal(LambdaErrorKind.InvalidParameter, error.Kind);

        Assert.Equal("InvalidParameterValueException", error.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
    }

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
