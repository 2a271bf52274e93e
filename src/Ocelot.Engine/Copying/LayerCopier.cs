using System.Net;
using System.Security.Cryptography;
using Amazon.DynamoDBv2;
using Ocelot.Engine.Aws;
using Ocelot.Engine.Aws.Lambda;
using Ocelot.Engine.Aws.Metadata;
using Ocelot.Engine.Layers;
using Ocelot.Engine.Publishing;

namespace Ocelot.Engine.Copying;

/// <summary>
/// Copies layer versions to other regions or accounts without rebuilding them: each source version is downloaded once
/// (GetLayerVersion's Content.Location, streamed to a temporary file) and checked against its CodeSha256, then
/// published in every target region at once (bounded) with the same name, description, architectures, runtimes and
/// licence; a version of that layer with the same description and CodeSha256 is reused instead. The requested
/// sharing is granted, and each copy is recorded in the target's metadata table with the source ARN as base_layer_arn.
/// </summary>
public sealed class LayerCopier(CopySettings settings) : IDisposable
{
    /// <summary>Lambda's largest layer (250 MB unzipped); a zip is never larger, so a bigger download is refused.</summary>
    private const long MaxZipBytes = 262_144_000;

    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None });
    private readonly Lazy<AwsConnection> _target = new(() => settings.Target.Connection(settings.Source));
    private readonly Lazy<IAmazonDynamoDB> _dynamo = new(() => AwsClients.DynamoDb(settings.MetadataRegion, settings.Target.Connection(settings.Source)));
    private int _tableMissingReported;

    public async Task<IReadOnlyList<LayerCopyResult>> CopyAsync(IReadOnlyList<(LayerVersionArn Source, IReadOnlyList<string> Regions)> copies,
        IOperationSink sink, CancellationToken cancellationToken)
    {
        _ = _target.Value; // bad target credentials fail before any download
        var results = new List<LayerCopyResult>();
        foreach (var (source, regions) in copies)
        {
            var temp = Path.Combine(Path.GetTempPath(), $"ocelot-copy-{Guid.NewGuid():N}.zip");
            try
            {
                LayerVersionDetails details;
                string md5;
                try
                {
                    (details, md5) = await DownloadAsync(source, temp, sink, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    var failure = ex as OcelotException ?? AwsFailures.Translate(ex, ErrorIds.LayerDownloadFailed, source.Region, $"Reading {source}", source.ToString());
                    results.AddRange(regions.Select(r => new LayerCopyResult(source, r, null, failure)));
                    continue;
                }
                results.AddRange(await RegionFanOut.RunAsync(regions, settings.ThrottleLimit,
                    (region, _) => CopyToRegionAsync(source, details, md5, temp, region, sink, cancellationToken), cancellationToken).ConfigureAwait(false));
            }
            finally
            {
                File.Delete(temp);
            }
        }
        return results;
    }

    private async Task<(LayerVersionDetails Details, string Md5)> DownloadAsync(LayerVersionArn source, string path, IOperationSink sink, CancellationToken cancellationToken)
    {
        using var lambda = LambdaLayerClient.Create(source.Region, settings.Source);
        var details = await lambda.GetLayerVersionAsync(source.LayerArn, source.Version, cancellationToken).ConfigureAwait(false);
        var location = details.Content.Location;
        // The location comes back from AWS: only a presigned https URL (or a loopback http one, for local emulators) is fetched.
        if (!Uri.TryCreate(location, UriKind.Absolute, out var url) || !(url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback)))
            throw new OcelotException(ErrorIds.LayerDownloadFailed, FailureKind.InvalidData,
                $"Lambda gave no downloadable location for {source} ('{Redacted(location)}').", "Check that the version is shared with the source credentials' account.", source.ToString());
        if (details.Content.CodeSha256 is not { Length: > 0 } expected)
            throw new OcelotException(ErrorIds.LayerDownloadFailed, FailureKind.InvalidData, $"Lambda reported no CodeSha256 for {source}.", null, source.ToString());
        sink.Verbose($"Downloading {source} ({details.Content.CodeSize / 1048576.0:0.0} MB).");
        using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw new OcelotException(ErrorIds.LayerDownloadFailed, FailureKind.ConnectionError,
                $"Downloading {source} failed: HTTP {(int)response.StatusCode}.", "Try again; the location Lambda gives is valid for 10 minutes.", source.ToString());
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        long size = 0;
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        await using (var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false))
        {
            var buffer = new byte[1 << 16];
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                size += read;
                if (size > MaxZipBytes)
                    throw new OcelotException(ErrorIds.LayerDownloadFailed, FailureKind.LimitsExceeded, $"{source} is larger than any layer can be; the download was stopped.", null, source.ToString());
                sha256.AppendData(buffer, 0, read);
                md5.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }
        }
        var actual = Convert.ToBase64String(sha256.GetHashAndReset());
        if (actual != expected || (details.Content.CodeSize > 0 && size != details.Content.CodeSize))
            throw new OcelotException(ErrorIds.LayerChecksumMismatch, FailureKind.InvalidData,
                $"The download of {source} is not what Lambda describes (CodeSha256 {actual}, {size} bytes; expected {expected}, {details.Content.CodeSize} bytes). Nothing was copied.",
                "Try again; if it persists, the source is not readable intact.", source.ToString());
        return (details, Convert.ToHexString(md5.GetHashAndReset()).ToLowerInvariant());
    }

    private async Task<LayerCopyResult> CopyToRegionAsync(LayerVersionArn source, LayerVersionDetails details, string md5, string zip, string region,
        IOperationSink sink, CancellationToken cancellationToken)
    {
        OcelotLayerVersion? copy = null;
        var step = PublishStep.CheckingForSameContent;
        try
        {
            using var lambda = LambdaLayerClient.Create(region, _target.Value);
            var existing = await FindIdenticalAsync(lambda, source.LayerName, details, cancellationToken).ConfigureAwait(false);
            var status = LayerVersionStatus.Reused;
            if (existing is null)
            {
                step = PublishStep.Uploading;
                await using var file = File.OpenRead(zip);
                existing = await lambda.PublishLayerVersionAsync(new PublishLayerVersionInput(source.LayerName, LayerContent.FromZip(file))
                {
                    Description = details.Description,
                    CompatibleArchitectures = details.CompatibleArchitectures,
                    CompatibleRuntimes = details.CompatibleRuntimes,
                    LicenseInfo = details.LicenseInfo,
                }, cancellationToken).ConfigureAwait(false);
                status = LayerVersionStatus.Published;
                sink.Verbose($"{region}: copied {source} to {existing.LayerVersionArn}.");
            }
            else
            {
                sink.Verbose($"{region}: {existing.LayerVersionArn} is identical to {source}; reusing it.");
            }
            copy = Describe(existing, source, md5, region, status);

            step = PublishStep.Sharing;
            var grants = await ShareAsync(lambda, existing, status == LayerVersionStatus.Reused, cancellationToken).ConfigureAwait(false);
            copy = copy with { SharedWith = grants.Select(g => g.Label).Order(StringComparer.Ordinal).ToArray(), Public = grants.Any(g => g.IsPublic) };

            if (!settings.SkipMetadata)
            {
                step = PublishStep.RecordingMetadata;
                copy = await RecordAsync(copy, source, md5, sink, cancellationToken).ConfigureAwait(false);
            }
            return new LayerCopyResult(source, region, copy, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var errorId = step switch { PublishStep.Sharing => ErrorIds.LayerSharingFailed, PublishStep.RecordingMetadata => ErrorIds.MetadataWriteFailed, _ => ErrorIds.LayerCopyFailed };
            return new LayerCopyResult(source, region, copy, AwsFailures.Translate(ex, errorId, region, $"Copying {source} ({step.Text()})", copy?.LayerVersionArn ?? $"{source.LayerName} ({region})"));
        }
    }

    /// <summary>The newest version of the layer with the same description and CodeSha256, or null.</summary>
    private static async Task<LayerVersionDetails?> FindIdenticalAsync(LambdaLayerClient lambda, string layerName, LayerVersionDetails source, CancellationToken cancellationToken)
    {
        IReadOnlyList<LayerVersionSummary> versions;
        try
        {
            versions = await lambda.ListLayerVersionsAsync(layerName, cancellationToken).ConfigureAwait(false);
        }
        catch (LambdaServiceException lambdaError) when (lambdaError.Kind == LambdaErrorKind.ResourceNotFound)
        {
            return null;
        }
        foreach (var candidate in versions.Where(v => v.Description == source.Description).OrderByDescending(v => v.Version))
        {
            var details = await lambda.GetLayerVersionAsync(layerName, candidate.Version, cancellationToken).ConfigureAwait(false);
            if (details.Content.CodeSha256 == source.Content.CodeSha256) return details;
        }
        return null;
    }

    private async Task<IReadOnlyList<SharingGrant>> ShareAsync(LambdaLayerClient lambda, LayerVersionDetails version, bool reused, CancellationToken cancellationToken)
    {
        if (settings.Sharing.Count == 0 && !reused) return [];
        var name = LayerVersionArn.Parse(version.LayerVersionArn).LayerName;
        var policy = await lambda.GetLayerVersionPolicyAsync(name, version.Version, cancellationToken).ConfigureAwait(false);
        var grants = LayerSharing.InPolicy(policy?.Policy).ToList();
        foreach (var wanted in settings.Sharing.Where(w => !grants.Contains(w)))
        {
            try
            {
                await lambda.AddLayerVersionPermissionAsync(name, version.Version, wanted.StatementId, "lambda:GetLayerVersion",
                    wanted.Principal, wanted.OrganizationId, null, cancellationToken).ConfigureAwait(false);
            }
            catch (LambdaServiceException lambdaError) when (lambdaError.Kind == LambdaErrorKind.ResourceConflict)
            {
                // The statement exists already (another run added it meanwhile): the grant is in place.
            }
            grants.Add(wanted);
        }
        return grants;
    }

    private async Task<OcelotLayerVersion> RecordAsync(OcelotLayerVersion copy, LayerVersionArn source, string md5, IOperationSink sink, CancellationToken cancellationToken)
    {
        var table = new LayerMetadataTable(_dynamo.Value, settings.MetadataTable);
        try
        {
            await table.PutAsync(LayerVersionRecord.MetadataItem(copy, md5, source.ToString()), cancellationToken).ConfigureAwait(false);
            sink.Verbose($"{copy.Region}: recorded {copy.LayerVersionArn} (copied from {source}) in {settings.MetadataTable} ({settings.MetadataRegion}).");
            return copy with { HasMetadata = true };
        }
        catch (MetadataTableException ex) when (ex.Problem == MetadataTableProblem.NotFound)
        {
            if (Interlocked.Exchange(ref _tableMissingReported, 1) == 0)
                sink.Warning($"{ex.Message} The copies were not recorded: create the table with 'Initialize-OcelotMetadataTable -TableName {settings.MetadataTable} " +
                    $"-Region {settings.MetadataRegion}' in the target account, then copy again to record them.");
            return copy with { HasMetadata = false };
        }
    }

    private static OcelotLayerVersion Describe(LayerVersionDetails details, LayerVersionArn source, string md5, string region, LayerVersionStatus status) =>
        LayerVersionRecord.Describe(region, source.LayerName, details, status, md5);

    /// <summary>A presigned URL's query holds a signature: never shown.</summary>
    private static string Redacted(string? location) => location is null ? "" : location.Split('?')[0];

    public void Dispose()
    {
        _http.Dispose();
        if (_dynamo.IsValueCreated) _dynamo.Value.Dispose();
    }
}
