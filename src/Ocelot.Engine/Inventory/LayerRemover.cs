using Ocelot.Engine.Aws;
using Ocelot.Engine.Aws.Lambda;
using Ocelot.Engine.Aws.Metadata;

namespace Ocelot.Engine.Inventory;

/// <summary>
/// Deletes layer versions, regions in parallel (bounded) and each region paced; then each deleted version's item in
/// the metadata table's own region (the reference used the layer's region and left orphans). Lambda's delete
/// succeeds for a version that no longer exists, so each layer's versions are listed first, once, to report a
/// version someone else deleted meanwhile.
/// </summary>
/// <param name="services">Where the layers and the metadata table are; null for Lambda and DynamoDB through the connection.</param>
public sealed class LayerRemover(AwsConnection connection, string metadataTable, string metadataRegion, bool skipMetadata, int throttleLimit, ILayerServices? services = null)
{
    private readonly ILayerServices _services = services ?? new AwsLayerServices(connection);

    public async Task<IReadOnlyList<LayerRemoval>> RemoveAsync(IReadOnlyList<LayerVersionReference> versions, IOperationSink sink, CancellationToken cancellationToken)
    {
        var total = versions.Count;
        var done = 0;
        using var table = skipMetadata ? null : _services.OpenMetadata(metadataRegion, metadataTable);
        var tableMissing = 0;
        var regions = versions.Select(v => v.Region).Distinct(StringComparer.Ordinal).ToList();
        var byRegion = await RegionFanOut.RunAsync(regions, throttleLimit, async (region, pacer) =>
        {
            using var lambda = _services.OpenLayers(region);
            var layers = await Task.WhenAll(versions.Where(v => v.Region == region).GroupBy(v => v.LayerName).Select(async layer =>
            {
                IReadOnlyDictionary<long, string> existing;
                try
                {
                    existing = (await pacer.RunAsync(() => lambda.ListLayerVersionsAsync(layer.Key, cancellationToken), cancellationToken).ConfigureAwait(false))
                        .ToDictionary(v => v.Version, v => v.LayerVersionArn);
                }
                catch (LambdaServiceException lambdaError) when (lambdaError.Kind == LambdaErrorKind.ResourceNotFound)
                {
                    existing = new Dictionary<long, string>();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    var failure = AwsFailures.Translate(ex, ErrorIds.LayerListFailed, region, $"Listing versions of '{layer.Key}'", layer.Key);
                    return layer.Select(v => (Version: v, Outcome: new LayerRemoval(v, null, false, null, failure))).ToList();
                }
                return (await Task.WhenAll(layer.Select(async version =>
                {
                    var removal = await RemoveOneAsync(lambda, pacer, table, version, existing, () => Interlocked.Exchange(ref tableMissing, 1) == 0, sink, cancellationToken).ConfigureAwait(false);
                    var count = Interlocked.Increment(ref done);
                    sink.Progress(new ProgressUpdate(1, "Removing layer versions", $"{count} of {total}", 100 * count / Math.Max(1, total)));
                    return (Version: version, Outcome: removal);
                })).ConfigureAwait(false)).ToList();
            })).ConfigureAwait(false);
            return layers.SelectMany(l => l);
        }, cancellationToken).ConfigureAwait(false);
        sink.Progress(new ProgressUpdate(1, "Removing layer versions", "done", 100, Completed: true));
        var results = byRegion.SelectMany(r => r).ToDictionary(r => r.Version, r => r.Outcome);
        return versions.Select(v => results[v]).ToList();
    }

    private async Task<LayerRemoval> RemoveOrphanAsync(ILayerMetadataStore? table, LayerVersionReference version, IReadOnlyDictionary<long, string> existing,
        Func<bool> firstMissingTable, IOperationSink sink, CancellationToken cancellationToken)
    {
        var arn = version.LayerVersionArn!;
        if (existing.ContainsKey(version.Version))
            return new LayerRemoval(version, arn, false, false, new OcelotException(ErrorIds.LayerVersionIdentityMismatch, FailureKind.InvalidOperation,
                $"{arn} was given as orphaned metadata, but the version exists in Lambda. Nothing was removed.",
                "Run Get-OcelotLayer to see it; pipe that object to Remove-OcelotLayer to delete the version and its item.", arn));
        if (table is null)
            return new LayerRemoval(version, arn, false, null, new OcelotException(ErrorIds.MetadataDeleteFailed, FailureKind.InvalidArgument,
                $"{arn} is orphaned metadata: without the metadata table there is nothing to remove.", "Keep the metadata table in use to remove the item.", arn));
        try
        {
            var removed = await table.DeleteAsync(arn, cancellationToken).ConfigureAwait(false);
            sink.Verbose($"Removed the orphaned metadata item of {arn}.");
            return new LayerRemoval(version, arn, false, removed, null);
        }
        catch (MetadataTableException ex) when (ex.Problem == MetadataTableProblem.NotFound)
        {
            if (firstMissingTable()) sink.Warning($"{ex.Message} No metadata was removed.");
            return new LayerRemoval(version, arn, false, false, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new LayerRemoval(version, arn, false, false, AwsFailures.Translate(ex, ErrorIds.MetadataDeleteFailed, metadataRegion, $"Deleting the metadata of {arn}", arn));
        }
    }

    private async Task<LayerRemoval> RemoveOneAsync(ILayerStore lambda, RequestPacer pacer, ILayerMetadataStore? table, LayerVersionReference version,
        IReadOnlyDictionary<long, string> existing, Func<bool> firstMissingTable, IOperationSink sink, CancellationToken cancellationToken)
    {
        if (version.MetadataOnly) return await RemoveOrphanAsync(table, version, existing, firstMissingTable, sink, cancellationToken).ConfigureAwait(false);
        if (!existing.TryGetValue(version.Version, out var arn))
        {
            return new LayerRemoval(version, null, false, null, new OcelotException(ErrorIds.LayerVersionNotFound, FailureKind.ObjectNotFound,
                $"Version {version.Version} of layer '{version.LayerName}' in {version.Region} does not exist (already deleted?).",
                "Run Get-OcelotLayer again to see what is there; a metadata item left for it is listed by Get-OcelotLayer -Orphaned.", version.Describe(version.LayerVersionArn)));
        }
        if (version.LayerVersionArn is { } expected && !string.Equals(expected, arn, StringComparison.Ordinal))
        {
            return new LayerRemoval(version, expected, false, null, new OcelotException(ErrorIds.LayerVersionIdentityMismatch, FailureKind.InvalidArgument,
                $"Version {version.Version} of '{version.LayerName}' in {version.Region} is {arn}, not {expected} (another account's layer of the same name?). Nothing was deleted.",
                "Use credentials for the account in the ARN, or pipe the objects Get-OcelotLayer returns for this account.", expected));
        }
        try
        {
            await pacer.RunAsync(() => lambda.DeleteLayerVersionAsync(version.LayerName, version.Version, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new LayerRemoval(version, arn, false, null, AwsFailures.Translate(ex, ErrorIds.LayerDeleteFailed, version.Region, $"Deleting {arn}", arn));
        }
        sink.Verbose($"Deleted {arn}.");
        if (table is null) return new LayerRemoval(version, arn, true, null, null);
        try
        {
            var removed = await table.DeleteAsync(arn, cancellationToken).ConfigureAwait(false);
            return new LayerRemoval(version, arn, true, removed, null);
        }
        catch (MetadataTableException ex) when (ex.Problem == MetadataTableProblem.NotFound)
        {
            if (firstMissingTable()) sink.Warning($"{ex.Message} No metadata was removed.");
            return new LayerRemoval(version, arn, true, false, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new LayerRemoval(version, arn, true, false, AwsFailures.Translate(ex, ErrorIds.MetadataDeleteFailed, metadataRegion, $"Deleting the metadata of {arn}", arn));
        }
    }
}
