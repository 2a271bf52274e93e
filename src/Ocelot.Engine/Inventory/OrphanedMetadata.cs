using Ocelot.Engine.Aws;
using Ocelot.Engine.Aws.Lambda;
using Ocelot.Engine.Aws.Metadata;
using Ocelot.Engine.Failures;
using Ocelot.Engine.Layers;
using Ocelot.Engine.Operations;
using Ocelot.Engine.Publishing;

namespace Ocelot.Engine.Inventory;

/// <summary>
/// Metadata items whose layer version no longer exists in Lambda: left by a delete whose metadata step failed, or by a
/// version deleted outside Ocelot. The table is scanned, the items of the query's regions and names kept, and each
/// layer's versions listed once in its region; an item whose ARN is not among them is an orphan. An item that cannot
/// be read is a warning naming it, and the rest are still listed.
/// </summary>
/// <param name="services">Where the layers and the metadata table are; null for Lambda and DynamoDB through the query's connection.</param>
public sealed class OrphanedMetadata(LayerQuery query, ILayerServices? services = null)
{
    private readonly ILayerServices _services = services ?? new AwsLayerServices(query.Connection);

    public async Task<LayerInventory.Result> ListAsync(IOperationSink sink, CancellationToken cancellationToken)
    {
        var items = new List<(LayerMetadataItem Item, LayerVersionArn Arn)>();
        using (var table = _services.OpenMetadata(query.MetadataRegion, query.MetadataTable))
        {
            try
            {
                await foreach (var item in table.ScanAsync(cancellationToken, malformed => sink.Warning($"{ErrorIds.MetadataItemMalformed}: {malformed.Message} It was skipped.")).ConfigureAwait(false))
                {
                    if (LayerVersionArn.TryParse(item.LayerArn) is not { } arn)
                    {
                        sink.Warning($"{ErrorIds.MetadataItemMalformed}: The metadata item '{item.LayerArn}' is malformed: its layer_arn is not a layer version ARN. It was skipped.");
                        continue;
                    }
                    if (query.Regions.Contains(arn.Region, StringComparer.Ordinal) && query.NameMatches(arn.LayerName)) items.Add((item, arn));
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return new LayerInventory.Result([], [AwsFailures.Translate(ex, ErrorIds.LayerListFailed, query.MetadataRegion, $"Scanning the metadata table '{query.MetadataTable}'", query.MetadataTable)]);
            }
        }
        sink.Verbose($"{items.Count} metadata item(s) in the regions and names asked for.");

        var failures = new List<OcelotException>();
        var regions = items.Select(i => i.Arn.Region).Distinct(StringComparer.Ordinal).ToList();
        var perRegion = await RegionFanOut.RunAsync(regions, query.ThrottleLimit, async (region, pacer) =>
        {
            using var lambda = _services.OpenLayers(region);
            var orphans = new List<OcelotLayerVersion>();
            foreach (var layer in items.Where(i => i.Arn.Region == region).GroupBy(i => i.Arn.LayerName))
            {
                HashSet<string> existing;
                try
                {
                    existing = (await pacer.RunAsync(() => lambda.ListLayerVersionsAsync(layer.Key, cancellationToken), cancellationToken).ConfigureAwait(false))
                        .Select(v => v.LayerVersionArn).ToHashSet(StringComparer.Ordinal);
                }
                catch (LambdaServiceException lambdaError) when (lambdaError.Kind == LambdaErrorKind.ResourceNotFound)
                {
                    existing = [];
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    lock (failures) failures.Add(AwsFailures.Translate(ex, ErrorIds.LayerListFailed, region, $"Listing versions of '{layer.Key}'", layer.Key));
                    continue;
                }
                orphans.AddRange(layer.Where(i => !existing.Contains(i.Arn.ToString())).Select(i => Describe(i.Item, i.Arn)));
            }
            return orphans;
        }, cancellationToken).ConfigureAwait(false);
        var found = perRegion.SelectMany(o => o).Where(v =>
            (query.Distribution is null || string.Equals(v.Distribution, query.Distribution, StringComparison.OrdinalIgnoreCase)) &&
            (query.Architecture is null || string.Equals(v.Architecture, query.Architecture, StringComparison.OrdinalIgnoreCase)));
        return new LayerInventory.Result(
            found.OrderBy(v => v.Region, StringComparer.Ordinal).ThenBy(v => v.LayerName, StringComparer.Ordinal).ThenBy(v => v.Version).ToList(),
            failures.OrderBy(f => f.Message, StringComparer.Ordinal).ToList());
    }

    // Identity (name, version, region, ARN) comes from the parsed ARN, never from the item's other attributes.
    private static OcelotLayerVersion Describe(LayerMetadataItem item, LayerVersionArn arn) => new()
    {
        LayerName = arn.LayerName,
        Version = arn.Version,
        LayerVersionArn = arn.ToString(),
        LayerArn = arn.LayerArn,
        Region = arn.Region,
        Architecture = string.IsNullOrEmpty(item.Architecture) ? null : item.Architecture,
        Distribution = string.IsNullOrEmpty(item.Distribution) ? null : item.Distribution,
        DistributionDescription = item.DistributionDescription,
        CollectorVersion = item.CollectorVersionInput,
        LayerVersionString = item.LayerVersionStr,
        ReleaseGroup = item.ReleaseGroup,
        Md5 = string.IsNullOrEmpty(item.Md5Hash) ? null : item.Md5Hash,
        CodeSha256 = item.CodeSha256,
        CodeSize = item.CodeSize,
        Status = LayerVersionStatus.Orphaned,
        SharedWith = [.. item.SharedWith ?? []],
        Public = item.Public,
        HasMetadata = true,
    };
}
