using System.Management.Automation;
using Ocelot.Completion;
using Ocelot.Engine.Aws;
using Ocelot.Engine.Aws.Metadata;
using Ocelot.Engine.Inventory;
using Ocelot.Engine.Rollout;
using Ocelot.Hosting;

namespace Ocelot.Commands;

/// <summary>An AWS cmdlet that also reads or writes the metadata table.</summary>
public abstract class OcelotMetadataCmdlet : OcelotAwsCmdlet
{
    /// <summary>The DynamoDB table of layer metadata (default ocelot-layers).</summary>
    [Parameter]
    [ValidatePattern(@"\A[a-zA-Z0-9_.-]{3,255}\z")]
    public string MetadataTable { get; set; } = MetadataTableSchema.DefaultTableName;

    /// <summary>The metadata table's region; default: the SDK's region, else the first region the command works in.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(RegionCompleter))]
    public string? MetadataRegion { get; set; }

    /// <summary>Do not read or write the metadata table.</summary>
    [Parameter]
    public SwitchParameter SkipMetadata { get; set; }

    private protected string ResolveMetadataRegion(string fallback) =>
        MetadataRegion is not null ? AwsRegion.Validate(MetadataRegion) : Connection.DefaultRegion() ?? fallback;

    /// <summary>The listing Get-OcelotLayer and Remove-OcelotLayer -Pattern share; a bad pattern or region stops the command before any request.</summary>
    private protected LayerQuery LayerQuery(string[] patterns, string[]? regions, bool allRegions, int throttleLimit)
    {
        Try(() => LayerSelection.Query(patterns, allRegions ? null : regions, allRegions, MetadataTable, ResolveMetadataRegion, Connection, throttleLimit),
            OnFailure.Stop, out var query);
        return query;
    }

    /// <summary>Runs the listing (or, with <paramref name="orphaned"/>, the orphaned-metadata listing); a failing region writes an error and the others are still returned.</summary>
    private protected IReadOnlyList<OcelotLayerVersion> ListLayers(LayerQuery query, bool orphaned = false)
    {
        Run((pump, token) => orphaned ? new OrphanedMetadata(query).ListAsync(pump, token) : new LayerInventory(query).ListAsync(pump, token), OnFailure.Stop, out var result);
        WriteFailures(result.Failures);
        return result.Versions;
    }

    /// <summary>The versions with UsedBy filled in; a region whose functions cannot be listed writes an error and keeps UsedBy null.</summary>
    private protected IReadOnlyList<OcelotLayerVersion> WithUsage(IReadOnlyList<OcelotLayerVersion> versions, int throttleLimit)
    {
        if (versions.Count == 0) return versions;
        Run((_, token) => new LayerUsage(Connection, throttleLimit).ReadAsync(versions.Select(v => v.Region).ToList(), token), OnFailure.Stop, out var usage);
        WriteFailures(usage.Failures);
        return versions.Select(v => usage.Regions.TryGetValue(v.Region, out var region) ? v with { UsedBy = [.. region.UsersOf(v.LayerVersionArn)] } : v).ToList();
    }
}
