using Ocelot.Engine.Settings;
using Ocelot.Engine.Aws.Lambda;
using Ocelot.Engine.Operations;
using Ocelot.Engine.Publishing;
using Ocelot.Engine.Tests.Fakes;

namespace Ocelot.Engine.Tests.Publishing;

/// <summary>Publish-OcelotLayer's engine against an in-memory layer store: what a user sees of reuse, duplicates, lost replies, sharing and records.</summary>
public sealed class LayerPublisherTests : IDisposable
{
    private const string Name = "ocel-amd64-minimal-0_158_0-prod";
    private readonly string _folder = Directory.CreateTempSubdirectory("ocelot-publisher-").FullName;
    private readonly InMemoryAws _aws = new();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private PublishSettings Settings() => new()
    {
        Regions = ["us-east-1"],
        Connection = _aws.Connection,
        MetadataTable = "ocelot-layers",
        MetadataRegion = "us-east-1",
        OcelotVersion = "0.0.0-test",
        Environment = new OcelotEnvironment { CacheFolder = Path.Combine(_folder, "cache") },
    };

    private async Task<IReadOnlyList<RegionPublishResult>> PublishAsync(string zip, PublishSettings settings, IOperationSink? sink = null, params string[] regions)
    {
        regions = regions.Length == 0 ? ["us-east-1"] : regions;
        var artifact = PublishPlan.DescribeZip(zip, "minimal", "amd64", "v0.158.0", [], null, null, null);
        settings = settings with { Regions = regions };
        var plan = PublishPlan.Create(artifact, settings);
        return await new LayerPublisher(settings, _aws).PublishAsync(plan, regions, 4, sink ?? NullOperationSink.Instance, CancellationToken.None);
    }

    [Fact]
    public async Task Publishing_the_same_zip_again_reuses_the_version_that_holds_it()
    {
        var zip = LayerZips.Write(_folder, "same");

        var first = Assert.Single(await PublishAsync(zip, Settings()));
        var second = Assert.Single(await PublishAsync(zip, Settings()));

        Assert.Null(first.Failure);
        Assert.Equal(LayerVersionStatus.Published, first.Version!.Status);
        Assert.Equal(LayerVersionStatus.Reused, second.Version!.Status);
        Assert.Equal(first.Version.LayerVersionArn, second.Version.LayerVersionArn);
        Assert.Single(_aws.Region("us-east-1").Versions(Name));
    }

    [Fact]
    public async Task AllowDuplicate_publishes_a_new_version_of_the_same_zip()
    {
        var zip = LayerZips.Write(_folder, "duplicate");

        await PublishAsync(zip, Settings());
        var again = Assert.Single(await PublishAsync(zip, Settings() with { AllowDuplicate = true }));

        Assert.Equal(LayerVersionStatus.Published, again.Version!.Status);
        Assert.Equal(2, again.Version.Version);
        Assert.Equal(2, _aws.Region("us-east-1").Versions(Name).Count);
    }

    [Fact]
    public async Task A_new_zip_is_a_new_version_even_where_an_older_one_exists()
    {
        await PublishAsync(LayerZips.Write(_folder, "old"), Settings());
        var newer = Assert.Single(await PublishAsync(LayerZips.Write(_folder, "new"), Settings()));

        Assert.Equal((LayerVersionStatus.Published, 2L), (newer.Version!.Status, newer.Version.Version));
    }

    [Fact]
    public async Task A_lost_reply_is_found_by_content_and_the_version_is_never_made_twice()
    {
        var store = _aws.Region("us-east-1");
        store.LoseNextPublishReply = true;

        var result = Assert.Single(await PublishAsync(LayerZips.Write(_folder, "lost"), Settings()));

        Assert.Null(result.Failure);
        Assert.Equal(1, store.PublishCalls);
        Assert.Equal(Assert.Single(store.Versions(Name)).LayerVersionArn, result.Version!.LayerVersionArn);
    }

    [Fact]
    public async Task Requested_sharing_is_granted_once_and_reported_on_the_version()
    {
        var zip = LayerZips.Write(_folder, "shared");
        var settings = Settings() with { Sharing = LayerSharing.Requested(true, ["arn:aws:iam::111122223333:root"], null) };

        var first = Assert.Single(await PublishAsync(zip, settings)).Version!;
        var reused = Assert.Single(await PublishAsync(zip, settings)).Version!;

        Assert.Equal(["*", "111122223333"], first.SharedWith);
        Assert.True(first.Public);
        Assert.Equal(first.SharedWith, reused.SharedWith);
        Assert.Equal(["ocelot-public", "ocelot-account-111122223333"], _aws.Region("us-east-1").StatementIds(Name, first.Version));
    }

    [Fact]
    public async Task A_private_version_reused_later_keeps_the_sharing_it_has()
    {
        var zip = LayerZips.Write(_folder, "kept");
        var shared = Assert.Single(await PublishAsync(zip, Settings() with { Sharing = LayerSharing.Requested(false, [], "o-a1b2c3d4e5") })).Version!;

        var reused = Assert.Single(await PublishAsync(zip, Settings())).Version!;

        Assert.Equal(["o-a1b2c3d4e5"], shared.SharedWith);
        Assert.Equal(["o-a1b2c3d4e5"], reused.SharedWith);
        Assert.False(reused.Public);
    }

    [Fact]
    public async Task Each_region_gets_its_version_and_a_metadata_item_in_the_order_asked()
    {
        var results = await PublishAsync(LayerZips.Write(_folder, "regions"), Settings(), null, "eu-west-1", "us-east-1");

        Assert.Equal(["eu-west-1", "us-east-1"], results.Select(r => r.Region));
        Assert.All(results, r => Assert.True(r.Version!.HasMetadata));
        var items = _aws.Metadata.Items;
        Assert.Equal(results.Select(r => r.Version!.LayerVersionArn).Order(), items.Keys.Order());
        var item = items[results[0].Version!.LayerVersionArn];
        Assert.Equal((results[0].Version!.Md5, "minimal", "amd64", "prod", "0_158_0"), (item.Md5Hash, item.Distribution, item.Architecture, item.ReleaseGroup, item.LayerVersionStr));
        Assert.Equal(results[0].Version!.LayerArn, item.BaseLayerArn);
    }

    [Fact]
    public async Task Without_a_metadata_table_the_version_is_published_with_one_warning()
    {
        _aws.Metadata.Missing = true;
        var sink = new RecordingOperationSink();

        var results = await PublishAsync(LayerZips.Write(_folder, "untracked"), Settings(), sink, "us-east-1", "eu-west-1");

        Assert.All(results, r => Assert.Null(r.Failure));
        Assert.All(results, r => Assert.False(r.Version!.HasMetadata));
        Assert.Contains("Initialize-OcelotMetadataTable", Assert.Single(sink.Warnings));
    }
}
