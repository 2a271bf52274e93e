using Ocelot.Engine.Aws;
using Ocelot.Engine.Aws.Lambda;
using Ocelot.Engine.Aws.Metadata;
using Ocelot.Engine.Failures;
using Ocelot.Engine.Operations;
using Ocelot.Engine.Publishing;

namespace Ocelot.Engine.Inventory;

/// <summary>
/// Lists layer versions across regions: every page of ListLayers and ListLayerVersions, regions in parallel (bounded)
/// and each region paced, enriched with the metadata table's items, then filtered. Sorted by region, name, version.
/// </summary>
/// <param name="services">Where the layers and the metadata table are; null for Lambda and DynamoDB through the query's connection.</param>
public sealed class LayerInventory(LayerQuery query, ILayerServices? services = null)
{
    private readonly ILayerServices _services = services ?? new AwsLayerServices(query.Connection);

    public sealed record Result(IReadOnlyList<OcelotLayerVersion> Versions, IReadOnlyList<OcelotException> Failures);

    public async Task<Result> ListAsync(IOperationSink sink, CancellationToken cancellationToken)
    {
        var failures = new List<OcelotException>();
        var done = 0;
        var perRegion = await RegionFanOut.RunAsync(query.Regions, query.ThrottleLimit, async (region, pacer) =>
        {
            try
            {
                return await ListRegionAsync(region, pacer, sink, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (LambdaServiceException ex) when (query.AllRegions && AwsFailures.IsRegionNotEnabled(ex))
            {
                sink.Warning($"Skipped {region}: it is not enabled for this account ({ex.ErrorCode}).");
                return [];
            }
            catch (Exception ex)
            {
                lock (failures) failures.Add(AwsFailures.Translate(ex, ErrorIds.LayerListFailed, region, "Listing layers", region));
                return [];
            }
            finally
            {
                var count = Interlocked.Increment(ref done);
                sink.Progress(new ProgressUpdate(1, "Listing layers", $"{count} of {query.Regions.Count} regions", 100 * count / query.Regions.Count));
            }
        }, cancellationToken).ConfigureAwait(false);
        sink.Progress(new ProgressUpdate(1, "Listing layers", "done", 100, Completed: true));

        var versions = perRegion.SelectMany(v => v).ToList();
        if (!query.SkipMetadata && versions.Count > 0) versions = await EnrichAsync(versions, sink, cancellationToken).ConfigureAwait(false);
        versions = Filter(versions);
        if (query.IncludeContent) versions = await AddContentAsync(versions, failures, cancellationToken).ConfigureAwait(false);
        return new Result(versions.OrderBy(v => v.Region, StringComparer.Ordinal).ThenBy(v => v.LayerName, StringComparer.Ordinal).ThenBy(v => v.Version).ToList(),
            failures.OrderBy(f => f.Message, StringComparer.Ordinal).ToList());
    }

    private async Task<List<OcelotLayerVersion>> ListRegionAsync(string region, RequestPacer pacer, IOperationSink sink, CancellationToken cancellationToken)
    {
        using var lambda = _services.OpenLayers(region);
        var layers = await pacer.RunAsync(() => lambda.ListLayersAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
        var matched = layers.Where(l => query.NameMatches(l.LayerName)).ToList();
        var lists = await Task.WhenAll(matched.Select(async layer =>
        {
            var versions = await pacer.RunAsync(() => lambda.ListLayerVersionsAsync(layer.LayerName, cancellationToken), cancellationToken).ConfigureAwait(false);
            return versions.Select(v => FromSummary(region, layer, v));
        })).ConfigureAwait(false);
        var found = lists.SelectMany(v => v).ToList();
        sink.Verbose($"{region}: {matched.Count} matching layer(s), {found.Count} version(s).");
        return found;
    }

    private static OcelotLayerVersion FromSummary(string region, LayerSummary layer, LayerVersionSummary version) =>
        LayerVersionRecord.Describe(region, layer.LayerName, layer.LayerArn, version, LayerVersionStatus.Listed, Md5Of(version.Description));

    private static string? Md5Of(string? description) =>
        description is not null && description.StartsWith("md5: ", StringComparison.Ordinal) && description.Length >= 37 ? description[5..37] : null;

    /// <summary>Overlays what the metadata table knows. A missing or unreachable table leaves the listing as it is.</summary>
    private async Task<List<OcelotLayerVersion>> EnrichAsync(List<OcelotLayerVersion> versions, IOperationSink sink, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, LayerMetadataItem> items;
        try
        {
            using var table = _services.OpenMetadata(query.MetadataRegion, query.MetadataTable);
            items = await table.GetManyAsync(versions.Select(v => v.LayerVersionArn), cancellationToken,
                malformed => sink.Warning($"{ErrorIds.MetadataItemMalformed}: {malformed.Message} The version is listed without its metadata; fix or delete the item.")).ConfigureAwait(false);
        }
        catch (Exception ex) when (AwsFailures.IsServiceOrNetwork(ex))
        {
            sink.Verbose($"No metadata from table '{query.MetadataTable}' in {query.MetadataRegion}: {ex.Message}");
            return versions;
        }
        return versions.Select(v => items.TryGetValue(v.LayerVersionArn, out var item)
            ? v with
            {
                Distribution = item.Distribution,
                DistributionDescription = item.DistributionDescription,
                Architecture = item.Architecture,
                CollectorVersion = item.CollectorVersionInput,
                LayerVersionString = item.LayerVersionStr ?? v.LayerVersionString,
                ReleaseGroup = item.ReleaseGroup ?? v.ReleaseGroup,
                Md5 = item.Md5Hash,
                CodeSha256 = item.CodeSha256 ?? v.CodeSha256,
                CodeSize = item.CodeSize ?? v.CodeSize,
                SharedWith = item.SharedWith is { } shared ? [.. shared] : item.Public ? ["*"] : [],
                Public = item.Public,
                Components = [.. item.Components ?? []],
                ConfigProviders = [.. item.ConfigProviders ?? []],
                HasMetadata = true,
            }
            : v with { HasMetadata = false }).ToList();
    }

    private List<OcelotLayerVersion> Filter(List<OcelotLayerVersion> versions)
    {
        var wanted = versions.Where(v =>
            (query.Distribution is null || string.Equals(v.Distribution, query.Distribution, StringComparison.OrdinalIgnoreCase)) &&
            (query.Architecture is null || string.Equals(v.Architecture, query.Architecture, StringComparison.OrdinalIgnoreCase)));
        if (query.Latest || query.SkipLatest is not null)
        {
            wanted = wanted.GroupBy(v => (v.Region, v.LayerName)).SelectMany(layer =>
            {
                var newestFirst = layer.OrderByDescending(v => v.Version);
                return query.Latest ? newestFirst.Take(1) : newestFirst.Skip(query.SkipLatest!.Value);
            });
        }
        if (query.CreatedBefore is { } before) wanted = wanted.Where(v => v.CreatedDate is { } created && created < before);
        return wanted.ToList();
    }

    private async Task<List<OcelotLayerVersion>> AddContentAsync(List<OcelotLayerVersion> versions, List<OcelotException> failures, CancellationToken cancellationToken)
    {
        var regions = versions.Select(v => v.Region).Distinct(StringComparer.Ordinal).ToList();
        var perRegion = await RegionFanOut.RunAsync(regions, query.ThrottleLimit, async (region, pacer) =>
        {
            using var lambda = _services.OpenLayers(region);
            return await Task.WhenAll(versions.Where(v => v.Region == region).Select(async v =>
            {
                try
                {
                    var details = await pacer.RunAsync(() => lambda.GetLayerVersionAsync(v.LayerName, v.Version, cancellationToken), cancellationToken).ConfigureAwait(false);
                    return v with { CodeSha256 = details.Content.CodeSha256, CodeSize = details.Content.CodeSize };
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    lock (failures) failures.Add(AwsFailures.Translate(ex, ErrorIds.LayerListFailed, region, $"Reading {v.LayerVersionArn}", v.LayerVersionArn));
                    return v;
                }
            })).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return perRegion.SelectMany(v => v).ToList();
    }
}
