using Ocelot.Engine.Tests.Aws.Lambda.Support;

using Ocelot.Engine.Aws.Lambda;

namespace Ocelot.Engine.Tests.Aws.Lambda;

public sealed class LayerListingTests(MotoServerFixture moto) : IClassFixture<MotoServerFixture>
{
    [Fact]
    public async Task Lists_every_layer_and_version_from_moto()
    {
        var first = TestZips.UniqueLayerName("list-a");
        var second = TestZips.UniqueLayerName("list-b");
        using var client = LambdaLayerClient.Create("us-east-1", null, moto.Url);
        foreach (var name in new[] { first, first, second })
        {
            await client.PublishLayerVersionAsync(new PublishLayerVersionInput(name, LayerContent.FromZip(TestZips.PythonLayer(name)))
            {
                Description = "listed",
                CompatibleRuntimes = ["python3.12"],
            });
        }

        var layers = await client.ListLayersAsync();
        var versions = await client.ListLayerVersionsAsync(first);

        var layer = Assert.Single(layers, l => l.LayerName == first);
        Assert.Equal($"arn:aws:lambda:us-east-1:123456789012:layer:{first}", layer.LayerArn);
        Assert.Equal(2, layer.LatestMatchingVersion!.Version);
        Assert.Contains(layers, l => l.LayerName == second);
        Assert.Equal([1L, 2L], versions.Select(v => v.Version).Order());
        Assert.All(versions, v => Assert.Equal("listed", v.Description));
        Assert.All(versions, v => Assert.Equal(["python3.12"], v.CompatibleRuntimes));
    }

    [Fact]
    public async Task Listing_versions_of_an_unknown_layer_is_empty()
    {
        using var client = LambdaLayerClient.Create("us-east-1", null, moto.Url);

        Assert.Empty(await client.ListLayerVersionsAsync(TestZips.UniqueLayerName("never-published")));
    }

    // moto 5.2.1 ignores MaxItems and never returns NextMarker, so the paging loop is proven on a stand-in.
    [Fact]
    public async Task Follows_NextMarker_across_pages_of_layers()
    {
        var pages = new Dictionary<string, object>
        {
            [""] = new { Layers = new[] { LayerBody("one") }, NextMarker = "page/2+" },
            ["page/2+"] = new { Layers = new[] { LayerBody("two"), LayerBody("three") }, NextMarker = "page=3" },
            ["page=3"] = new { Layers = new[] { LayerBody("four") } },
        };
        using var standIn = new LoopbackLambdaStandIn(request => StandInResponse.Json(200, pages[request.Query("Marker") ?? ""]));
        using var client = LambdaLayerClient.Create("us-east-1", null, standIn.Url);

        var layers = await client.ListLayersAsync();

        Assert.Equal(["one", "two", "three", "four"], layers.Select(l => l.LayerName));
        Assert.Equal(3, layers[2].LatestMatchingVersion!.Version);
        Assert.All(standIn.Requests, r => Assert.Equal("/2018-10-31/layers", r.RawPath));
        Assert.All(standIn.Requests, r => Assert.Equal("50", r.Query("MaxItems")));
        Assert.Equal([null, "page/2+", "page=3"], standIn.Requests.Select(r => r.Query("Marker")));
    }

    [Fact]
    public async Task Stops_when_the_service_repeats_a_marker()
    {
        using var standIn = new LoopbackLambdaStandIn(_ => StandInResponse.Json(200, new { LayerVersions = Array.Empty<object>(), NextMarker = "same" }));
        using var client = LambdaLayerClient.Create("us-east-1", null, standIn.Url);

        await Assert.ThrowsAsync<InvalidDataException>(() => client.ListLayerVersionsAsync("looping"));
        Assert.Equal(2, standIn.Requests.Count);
    }

    private static object LayerBody(string name) => new
    {
        LayerName = name,
        LayerArn = $"arn:aws:lambda:us-east-1:123456789012:layer:{name}",
        LatestMatchingVersion = new
        {
            LayerVersionArn = $"arn:aws:lambda:us-east-1:123456789012:layer:{name}:3",
            Version = 3,
            CreatedDate = "2024-05-06T07:08:09.010+0000",
            CompatibleArchitectures = new[] { "x86_64" },
        },
    };
}
