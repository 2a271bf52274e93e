using Ocelot.Engine.Aws.Lambda;
using Ocelot.Engine.Aws.Metadata;
using Ocelot.Engine.Inventory;
using Ocelot.Engine.Operations;
using Ocelot.Engine.Publishing;
using Ocelot.Engine.Tests.Fakes;

namespace Ocelot.Engine.Tests.Inventory;

/// <summary>Get-OcelotLayer's engine against an in-memory layer store: which versions are listed, from where, with what they are known by.</summary>
public sealed class LayerInventoryTests
{
    private const string Amd64 = "ocel-amd64-minimal-0_158_0-prod";
    private const string Arm64 = "ocel-arm64-minimal-0_158_0-prod";
    private readonly InMemoryAws _aws = new();

    private static async Task<LayerVersionDetails> SeedAsync(InMemoryLayerStore store, string name, string marker, string architecture = "x86_64") =>
        await store.PublishLayerVersionAsync(new PublishLayerVersionInput(name, LayerContent.FromZip(LayerZips.Bytes(marker)))
        {
            Description = $"md5: {new string('a', 32)}",
            CompatibleArchitectures = [architecture],
        });

    private LayerQuery Query(Func<string, bool> names, params string[] regions) => new()
    {
        Regions = regions,
        NameMatches = names,
        MetadataTable = "ocelot-layers",
        MetadataRegion = "us-east-1",
        Connection = _aws.Connection,
    };

    [Fact]
    public async Task Only_matching_layers_in_the_regions_asked_are_listed_sorted_by_region_name_and_version()
    {
        var east = _aws.Region("us-east-1");
        await SeedAsync(east, Amd64, "e1");
        await SeedAsync(east, Amd64, "e2");
        await SeedAsync(east, "someone-elses-layer", "x");
        await SeedAsync(_aws.Region("eu-west-1"), Arm64, "w1", "arm64");
        await SeedAsync(_aws.Region("ap-south-1"), Amd64, "not-asked");

        var result = await new LayerInventory(Query(n => n.StartsWith("ocel-", StringComparison.Ordinal), "us-east-1", "eu-west-1"), _aws)
            .ListAsync(NullOperationSink.Instance, CancellationToken.None);

        Assert.Empty(result.Failures);
        Assert.Equal([("eu-west-1", Arm64, 1L), ("us-east-1", Amd64, 1L), ("us-east-1", Amd64, 2L)],
            result.Versions.Select(v => (v.Region, v.LayerName, v.Version)));
        var arm = result.Versions[0];
        Assert.Equal(("arm64", "minimal", "prod", "0_158_0", false), (arm.Architecture, arm.Distribution, arm.ReleaseGroup, arm.LayerVersionString, arm.HasMetadata));
        Assert.Equal(new string('a', 32), arm.Md5);
    }

    [Fact]
    public async Task A_version_with_a_metadata_item_is_listed_with_what_the_item_records()
    {
        var details = await SeedAsync(_aws.Region("us-east-1"), Amd64, "recorded");
        var version = LayerVersionRecord.Describe("us-east-1", Amd64, details, LayerVersionStatus.Published, "b".PadRight(32, 'b'));
        await _aws.Metadata.PutAsync(LayerVersionRecord.MetadataItem(version, version.Md5!, details.LayerArn) with
        {
            Distribution = "minimal-forwarder",
            DistributionDescription = "Forwards OTLP",
            CollectorVersionInput = "v0.158.0",
        });

        var listed = Assert.Single((await new LayerInventory(Query(_ => true, "us-east-1"), _aws).ListAsync(NullOperationSink.Instance, CancellationToken.None)).Versions);

        Assert.True(listed.HasMetadata);
        Assert.Equal(("minimal-forwarder", "Forwards OTLP", "v0.158.0", version.Md5), (listed.Distribution, listed.DistributionDescription, listed.CollectorVersion, listed.Md5));
    }

    [Fact]
    public async Task Metadata_items_whose_versions_are_gone_are_listed_as_orphaned_and_no_others()
    {
        var store = _aws.Region("us-east-1");
        var kept = await SeedAsync(store, Amd64, "kept");
        var gone = await SeedAsync(store, Amd64, "gone");
        foreach (var details in new[] { kept, gone })
        {
            var version = LayerVersionRecord.Describe("us-east-1", Amd64, details, LayerVersionStatus.Published, new string('c', 32));
            await _aws.Metadata.PutAsync(LayerVersionRecord.MetadataItem(version, version.Md5!, details.LayerArn));
        }
        await store.DeleteLayerVersionAsync(Amd64, gone.Version);

        var result = await new OrphanedMetadata(Query(_ => true, "us-east-1"), _aws).ListAsync(NullOperationSink.Instance, CancellationToken.None);

        var orphan = Assert.Single(result.Versions);
        Assert.Equal((gone.LayerVersionArn, LayerVersionStatus.Orphaned), (orphan.LayerVersionArn, orphan.Status));
    }

    [Fact]
    public async Task Without_a_metadata_table_versions_are_still_listed_with_their_metadata_unknown()
    {
        await SeedAsync(_aws.Region("us-east-1"), Amd64, "plain");
        _aws.Metadata.Missing = true;

        var result = await new LayerInventory(Query(_ => true, "us-east-1"), _aws).ListAsync(NullOperationSink.Instance, CancellationToken.None);

        Assert.Null(Assert.Single(result.Versions).HasMetadata);
        Assert.Empty(result.Failures);
    }
}
