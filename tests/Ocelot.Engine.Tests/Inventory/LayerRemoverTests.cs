using Ocelot.Engine.Aws.Lambda;
using Ocelot.Engine.Failures;
using Ocelot.Engine.Inventory;
using Ocelot.Engine.Operations;
using Ocelot.Engine.Publishing;
using Ocelot.Engine.Tests.Fakes;

namespace Ocelot.Engine.Tests.Inventory;

/// <summary>Remove-OcelotLayer's engine against an in-memory layer store: exactly the version asked for goes, with its metadata item.</summary>
public sealed class LayerRemoverTests
{
    private const string Name = "ocel-amd64-minimal-0_158_0-prod";
    private readonly InMemoryAws _aws = new();

    private async Task<LayerVersionDetails> SeedAsync(string marker, bool withItem = true)
    {
        var details = await _aws.Region("us-east-1").PublishLayerVersionAsync(new PublishLayerVersionInput(Name, LayerContent.FromZip(LayerZips.Bytes(marker))));
        if (withItem)
        {
            var version = LayerVersionRecord.Describe("us-east-1", Name, details, LayerVersionStatus.Published, new string('d', 32));
            await _aws.Metadata.PutAsync(LayerVersionRecord.MetadataItem(version, version.Md5!, details.LayerArn));
        }
        return details;
    }

    private Task<IReadOnlyList<LayerRemoval>> RemoveAsync(params LayerVersionReference[] versions) =>
        new LayerRemover(_aws.Connection, "ocelot-layers", "us-east-1", skipMetadata: false, throttleLimit: 4, _aws)
            .RemoveAsync(versions, NullOperationSink.Instance, CancellationToken.None);

    [Fact]
    public async Task Only_the_version_asked_for_is_deleted_and_its_metadata_item_with_it()
    {
        var first = await SeedAsync("one");
        var second = await SeedAsync("two");

        var removal = Assert.Single(await RemoveAsync(new LayerVersionReference(Name, 1, "us-east-1", first.LayerVersionArn)));

        Assert.Equal((true, (bool?)true, (OcelotException?)null), (removal.Removal.Removed, removal.Removal.MetadataRemoved, removal.Failure));
        Assert.Equal([second.LayerVersionArn], _aws.Region("us-east-1").Versions(Name).Select(v => v.LayerVersionArn));
        Assert.Equal([second.LayerVersionArn], _aws.Metadata.Items.Keys);
    }

    [Fact]
    public async Task A_version_of_the_same_name_in_another_account_is_refused_and_nothing_is_deleted()
    {
        var mine = await SeedAsync("mine");
        var theirs = mine.LayerVersionArn.Replace(InMemoryLayerStore.Account, "999999999999", StringComparison.Ordinal);

        var removal = Assert.Single(await RemoveAsync(new LayerVersionReference(Name, 1, "us-east-1", theirs)));

        Assert.False(removal.Removal.Removed);
        Assert.Equal(ErrorIds.LayerVersionIdentityMismatch, removal.Failure!.ErrorId);
        Assert.Single(_aws.Region("us-east-1").Versions(Name));
        Assert.Single(_aws.Metadata.Items);
    }

    [Fact]
    public async Task A_version_someone_else_deleted_meanwhile_is_reported_as_not_found()
    {
        var gone = await SeedAsync("gone", withItem: false);
        await _aws.Region("us-east-1").DeleteLayerVersionAsync(Name, gone.Version);

        var removal = Assert.Single(await RemoveAsync(new LayerVersionReference(Name, gone.Version, "us-east-1")));

        Assert.Equal(ErrorIds.LayerVersionNotFound, removal.Failure!.ErrorId);
    }

    [Fact]
    public async Task Orphaned_metadata_is_removed_without_asking_Lambda_to_delete_anything()
    {
        var kept = await SeedAsync("kept");
        var orphan = await SeedAsync("orphan");
        await _aws.Region("us-east-1").DeleteLayerVersionAsync(Name, orphan.Version);

        var removals = await RemoveAsync(
            new LayerVersionReference(Name, orphan.Version, "us-east-1", orphan.LayerVersionArn, MetadataOnly: true),
            new LayerVersionReference(Name, kept.Version, "us-east-1", kept.LayerVersionArn, MetadataOnly: true));

        Assert.Equal((false, (bool?)true), (removals[0].Removal.Removed, removals[0].Removal.MetadataRemoved));
        Assert.Equal(ErrorIds.LayerVersionIdentityMismatch, removals[1].Failure!.ErrorId);
        Assert.Equal([kept.LayerVersionArn], _aws.Metadata.Items.Keys);
        Assert.Single(_aws.Region("us-east-1").Versions(Name));
    }
}
