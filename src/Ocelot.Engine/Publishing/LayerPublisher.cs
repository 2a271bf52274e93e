using Amazon.S3.Model;
using Ocelot.Engine.Aws;
using Ocelot.Engine.Aws.Lambda;
using Ocelot.Engine.Aws.Metadata;
using Ocelot.Engine.Failures;
using Ocelot.Engine.Layers;
using Ocelot.Engine.Operations;

namespace Ocelot.Engine.Publishing;

/// <summary>
/// Publishes a layer zip in several regions at once (bounded), each region: find a version with the same md5
/// (reuse it unless forced), else upload (directly, or staged in S3 when too large) and publish; grant the requested
/// sharing idempotently; record the version in the metadata table. A region's failure never stops the others.
/// </summary>
/// <param name="services">Where the layers and the metadata table are; null for Lambda and DynamoDB through the settings' connection.</param>
public sealed class LayerPublisher(PublishSettings settings, ILayerServices? services = null)
{
    public PublishSettings Settings => settings;

    private readonly ILayerServices _services = services ?? new AwsLayerServices(settings.Connection);
    private readonly Lazy<ILayerMetadataStore> _metadata = new(() =>
        (services ?? new AwsLayerServices(settings.Connection)).OpenMetadata(settings.MetadataRegion, settings.MetadataTable));
    private int _tableMissingReported;

    public async Task<IReadOnlyList<RegionPublishResult>> PublishAsync(PublishPlan plan, IReadOnlyList<string> regions, int throttleLimit,
        IOperationSink sink, CancellationToken cancellationToken)
    {
        await PreflightAsync(sink, cancellationToken).ConfigureAwait(false);
        var activities = regions.Distinct(StringComparer.Ordinal).Select((region, index) => (region, index)).ToDictionary(p => p.region, p => 10 + p.index, StringComparer.Ordinal);
        return await RegionFanOut.RunAsync(regions, throttleLimit,
            (region, pacer) => PublishInRegionAsync(plan, region, activities[region], pacer, sink, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    private bool _preflightDone;

    /// <summary>
    /// What can be known before the first publish is checked then, once per call: the metadata table's schema (a
    /// table with other keys fails the whole call before any version exists). Names, sizes, zip contents, buckets,
    /// account and organisation ids were checked when the plan was made.
    /// </summary>
    private async Task PreflightAsync(IOperationSink sink, CancellationToken cancellationToken)
    {
        if (_preflightDone || settings.SkipMetadata) return;
        try
        {
            if (!await _metadata.Value.CheckSchemaAsync(cancellationToken).ConfigureAwait(false))
                WarnTableMissing(MetadataTableException.NotFound(settings.MetadataTable, settings.MetadataRegion), sink);
        }
        catch (MetadataTableException ex) when (ex.Problem == MetadataTableProblem.SchemaMismatch)
        {
            throw new OcelotException(ErrorIds.MetadataTableSchemaMismatch, FailureKind.ResourceExists,
                $"{ex.Message}. Nothing was published.",
                $"Name an Ocelot metadata table (Initialize-OcelotMetadataTable creates one), or work without the metadata table.", settings.MetadataTable, ex);
        }
        catch (Exception ex) when (AwsFailures.IsServiceOrNetwork(ex))
        {
            // Not knowable now (no DescribeTable permission, or the network): recording reports it per version as before.
            sink.Verbose($"Could not check the metadata table '{settings.MetadataTable}' before publishing: {ex.Message}");
        }
        _preflightDone = true;
    }

    private void WarnTableMissing(MetadataTableException ex, IOperationSink sink)
    {
        if (Interlocked.Exchange(ref _tableMissingReported, 1) == 0)
            sink.Warning($"{ex.Message} Layer versions are published without a record: create the table with " +
                $"'Initialize-OcelotMetadataTable -TableName {settings.MetadataTable} -Region {settings.MetadataRegion}', then publish again to record them.");
    }

    private async Task<RegionPublishResult> PublishInRegionAsync(PublishPlan plan, string region, int activity, RequestPacer pacer, IOperationSink sink, CancellationToken cancellationToken)
    {
        var name = plan.Name.Name;
        var step = PublishStep.Connecting;
        void Report(string status, int percent = -1) => sink.Progress(new ProgressUpdate(activity, $"Publishing {name} in {region}", status, percent, ParentActivityId: 1));
        OcelotLayerVersion? version = null;
        try
        {
            using var lambda = _services.OpenLayers(region);

            step = PublishStep.CheckingForSameContent;
            Report(step.Text());
            LayerVersionDetails details;
            var status = LayerVersionStatus.Reused;
            // Two Ocelot processes on this machine publishing the same zip to the same layer take turns, so the second
            // finds the first's version and reuses it instead of making a duplicate.
            using (await FileLock.AcquireAsync(PublishLockPath(settings.Environment.CacheFolder, region, name, plan.Digests.Md5), PublishLockTimeout, sink, cancellationToken).ConfigureAwait(false))
            {
                var before = await pacer.RunAsync(() => ListVersionsAsync(lambda, name, cancellationToken), cancellationToken).ConfigureAwait(false);
                var existing = settings.AllowDuplicate ? null : before.OrderByDescending(v => v.Version).FirstOrDefault(v => LayerDescription.Matches(v.Description, plan.Digests.Md5));
                if (existing is not null)
                {
                    sink.Verbose($"{region}: version {existing.Version} of {name} already holds md5 {plan.Digests.Md5}; reusing it.");
                    details = await pacer.RunAsync(() => lambda.GetLayerVersionAsync(name, existing.Version, cancellationToken), cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    step = PublishStep.Uploading;
                    details = await UploadAndPublishAsync(lambda, plan, region, before, Report, sink, cancellationToken).ConfigureAwait(false);
                    status = LayerVersionStatus.Published;
                    sink.Verbose($"{region}: published {details.LayerVersionArn}.");
                    await WarnIfDuplicateAsync(lambda, plan, region, before, details, sink, cancellationToken).ConfigureAwait(false);
                }
            }
            version = Describe(plan, region, details, status, []);

            step = PublishStep.Sharing;
            var sharedWith = await ShareAsync(lambda, name, details.Version, status == LayerVersionStatus.Reused, Report, cancellationToken).ConfigureAwait(false);
            version = version with { SharedWith = sharedWith.Select(g => g.Label).Order(StringComparer.Ordinal).ToArray(), Public = sharedWith.Any(g => g.IsPublic) };

            if (!settings.SkipMetadata)
            {
                step = PublishStep.RecordingMetadata;
                Report(step.Text(), 90);
                version = await RecordAsync(plan, version, sink, cancellationToken).ConfigureAwait(false);
            }
            sink.Progress(new ProgressUpdate(activity, $"Publishing {name} in {region}", "done", 100, Completed: true, ParentActivityId: 1));
            return new RegionPublishResult(region, version, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            sink.Progress(new ProgressUpdate(activity, $"Publishing {name} in {region}", "failed", 100, Completed: true, ParentActivityId: 1));
            var errorId = step switch
            {
                PublishStep.CheckingForSameContent => ErrorIds.ExistingVersionCheckFailed,
                PublishStep.Sharing => ErrorIds.LayerSharingFailed,
                PublishStep.RecordingMetadata => ErrorIds.MetadataWriteFailed,
                _ => ErrorIds.LayerPublishFailed,
            };
            var target = version?.LayerVersionArn ?? $"{name} ({region})";
            return new RegionPublishResult(region, version, AwsFailures.Translate(ex, errorId, region, $"{Capitalize(step.Text())} for layer '{name}'", target));
        }
    }

    private static readonly TimeSpan PublishLockTimeout = TimeSpan.FromMinutes(30);

    /// <summary>Publish attempts when no answer comes; each is preceded by a look for the version by content.</summary>
    private const int PublishAttempts = 3;

    private static string PublishLockPath(string cacheFolder, string region, string name, string md5)
    {
        var key = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{region}\n{name}\n{md5}")))[..24].ToLowerInvariant();
        return Path.Combine(cacheFolder, "locks", $"publish-{key}.lock");
    }

    private static async Task<IReadOnlyList<LayerVersionSummary>> ListVersionsAsync(ILayerStore lambda, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await lambda.ListLayerVersionsAsync(name, cancellationToken).ConfigureAwait(false);
        }
        catch (LambdaServiceException lambdaError) when (lambdaError.Kind == LambdaErrorKind.ResourceNotFound)
        {
            return []; // no such layer yet
        }
    }

    /// <summary>
    /// PublishLayerVersion is not idempotent: it is sent without SDK retries, and when no answer comes (a lost reply,
    /// a timeout, a 5xx) the layer's versions are searched for this content (md5 in the description, then CodeSha256)
    /// before trying again, so a version Lambda made is found instead of made twice.
    /// </summary>
    private async Task<LayerVersionDetails> PublishExactlyOnceAsync(ILayerStore lambda, PublishPlan plan, string region,
        IReadOnlyList<LayerVersionSummary> before, Func<ILayerStore, Task<LayerVersionDetails>> publish, IOperationSink sink, CancellationToken cancellationToken)
    {
        using var once = _services.OpenLayers(region, withoutRetries: true);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await publish(once).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && AwsFailures.OutcomeUnknown(ex))
            {
                sink.Verbose($"{region}: no answer to PublishLayerVersion ({ex.Message}); looking for a version with this content before trying again.");
                if (await FindPublishedAsync(lambda, plan, before, cancellationToken).ConfigureAwait(false) is { } made)
                {
                    sink.Verbose($"{region}: the reply was lost, but Lambda made {made.LayerVersionArn}; using it.");
                    return made;
                }
                if (attempt == PublishAttempts)
                    throw new OcelotException(ErrorIds.LayerPublishOutcomeUnknown, FailureKind.ConnectionError,
                        $"Publishing '{plan.Name.Name}' in {region} got no answer {PublishAttempts} times ({ex.Message}), and no version with md5 {plan.Digests.Md5} exists: nothing was published there.",
                        "Check the network and the endpoint, then publish again: a version with this content is found and reused, never made twice.", $"{plan.Name.Name} ({region})", ex);
                await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>A version made since <paramref name="before"/> that holds exactly this zip, or null.</summary>
    private static async Task<LayerVersionDetails?> FindPublishedAsync(ILayerStore lambda, PublishPlan plan, IReadOnlyList<LayerVersionSummary> before, CancellationToken cancellationToken)
    {
        var known = before.Select(v => v.Version).ToHashSet();
        var versions = await ListVersionsAsync(lambda, plan.Name.Name, cancellationToken).ConfigureAwait(false);
        foreach (var candidate in versions.Where(v => !known.Contains(v.Version) && LayerDescription.Matches(v.Description, plan.Digests.Md5)).OrderBy(v => v.Version))
        {
            var details = await lambda.GetLayerVersionAsync(plan.Name.Name, candidate.Version, cancellationToken).ConfigureAwait(false);
            if (details.Content.CodeSha256 == plan.Digests.CodeSha256) return details;
        }
        return null;
    }

    /// <summary>
    /// Another publish of the same zip (another machine, or -Force elsewhere) may have run between our look and our
    /// publish. The later version is the duplicate: say so, with both ARNs, so it can be removed.
    /// </summary>
    private static async Task WarnIfDuplicateAsync(ILayerStore lambda, PublishPlan plan, string region, IReadOnlyList<LayerVersionSummary> before,
        LayerVersionDetails ours, IOperationSink sink, CancellationToken cancellationToken)
    {
        var known = before.Select(v => v.Version).ToHashSet();
        IReadOnlyList<LayerVersionSummary> versions;
        try
        {
            versions = await ListVersionsAsync(lambda, plan.Name.Name, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The version is published; failing here would leave it unreported and unrecorded.
            sink.Warning($"{region}: published {ours.LayerVersionArn}, but could not check for a duplicate made at the same time: {ex.Message}");
            return;
        }
        var earlier = versions.Where(v => !known.Contains(v.Version) && v.Version < ours.Version && LayerDescription.Matches(v.Description, plan.Digests.Md5))
            .OrderBy(v => v.Version).FirstOrDefault();
        if (earlier is not null)
            sink.Warning($"{region}: another publish of the same zip ran at the same time and made {earlier.LayerVersionArn}; this call made {ours.LayerVersionArn}, " +
                $"a duplicate with the same content (md5 {plan.Digests.Md5}). Remove one with Remove-OcelotLayer if only one is wanted.");
    }

    private async Task<LayerVersionDetails> UploadAndPublishAsync(ILayerStore lambda, PublishPlan plan, string region, IReadOnlyList<LayerVersionSummary> before,
        Action<string, int> report, IOperationSink sink, CancellationToken cancellationToken)
    {
        var size = plan.Digests.Size;
        var limit = settings.Environment.DirectUploadLimit;
        if (limit is null)
        {
            var account = await lambda.GetAccountSettingsAsync(cancellationToken).ConfigureAwait(false);
            limit = account?.CodeSizeZipped is > 0 ? account.CodeSizeZipped : AccountLimits.DocumentedDirectUploadZipBytes;
        }
        var input = new PublishLayerVersionInput(plan.Name.Name, LayerContent.FromS3("-", "-"))
        {
            Description = plan.Description,
            CompatibleArchitectures = [plan.Name.CompatibleArchitecture],
            CompatibleRuntimes = settings.CompatibleRuntimes,
            LicenseInfo = settings.LicenseInfo,
        };
        var megabytes = size / 1048576.0;
        if (size <= limit && !plan.StagingBuckets.ContainsKey(region))
        {
            report($"uploading {megabytes:0.0} MB", 0);
            return await PublishExactlyOnceAsync(lambda, plan, region, before, async once =>
            {
                var throttle = new ProgressThrottle(ProgressThrottle.DefaultInterval);
                await using var file = new ProgressReportingStream(File.OpenRead(plan.Artifact.Path), position =>
                {
                    if (position >= size) report($"uploaded {megabytes:0.0} MB; waiting for Lambda to publish the version", 80);
                    else if (throttle.ShouldReport()) report($"uploading {position / 1048576.0:0.0} of {megabytes:0.0} MB", (int)(80 * position / Math.Max(1, size)));
                });
                return await once.PublishLayerVersionAsync(input with { Content = LayerContent.FromZip(file) }, cancellationToken).ConfigureAwait(false);
            }, sink, cancellationToken).ConfigureAwait(false);
        }
        if (!plan.StagingBuckets.TryGetValue(region, out var bucket))
            throw new OcelotException(ErrorIds.LayerTooLargeForDirectUpload, FailureKind.LimitsExceeded,
                $"The layer zip is {megabytes:0.0} MB, over this account's {limit / 1048576.0:0.#} MB direct-upload limit in {region}.",
                "Stage the zip in S3 with a staging bucket.", plan.Artifact.Path);
        using var s3 = AwsClients.S3(region, settings.Connection);
        var key = S3Staging.KeyFor(plan.Name.Name, plan.Digests.Sha256);
        sink.Verbose($"{region}: staging {megabytes:0.0} MB in s3://{bucket}/{key}.");
        var stagingThrottle = new ProgressThrottle(ProgressThrottle.DefaultInterval);
        await S3Staging.UploadAsync(s3, bucket, key, plan.Artifact.Path,
            (sent, total) =>
            {
                if (stagingThrottle.ShouldReport(final: sent >= total))
                    report($"uploading to s3://{bucket}: {sent / 1048576.0:0.0} of {total / 1048576.0:0.0} MB", (int)(80 * sent / Math.Max(1, total)));
            },
            cancellationToken).ConfigureAwait(false);
        try
        {
            report("publishing from S3", 80);
            return await PublishExactlyOnceAsync(lambda, plan, region, before,
                once => once.PublishLayerVersionAsync(input with { Content = LayerContent.FromS3(bucket, key) }, cancellationToken), sink, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (!settings.KeepStagedObject)
            {
                try
                {
                    await s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucket, Key = key }, CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception ex) when (AwsFailures.IsServiceOrNetwork(ex))
                {
                    sink.Warning($"{region}: could not delete the staged object s3://{bucket}/{key}: {ex.Message}");
                }
            }
        }
    }

    /// <summary>Adds the requested grants that the version's policy lacks; returns every grant it then has.</summary>
    private async Task<IReadOnlyList<SharingGrant>> ShareAsync(ILayerStore lambda, string name, long version, bool reused,
        Action<string, int> report, CancellationToken cancellationToken)
    {
        if (settings.Sharing.Count == 0 && !reused) return []; // a new version has no policy until we add one
        report("reading the version's policy", 85);
        var policy = await lambda.GetLayerVersionPolicyAsync(name, version, cancellationToken).ConfigureAwait(false);
        var grants = LayerSharing.InPolicy(policy?.Policy).ToList();
        foreach (var wanted in settings.Sharing)
        {
            if (grants.Contains(wanted)) continue;
            report($"sharing with {(wanted.IsPublic ? "everyone" : wanted.Label)}", 88);
            try
            {
                await lambda.AddLayerVersionPermissionAsync(name, version, wanted.StatementId, "lambda:GetLayerVersion",
                    wanted.Principal, wanted.OrganizationId, null, cancellationToken).ConfigureAwait(false);
            }
            catch (LambdaServiceException lambdaError) when (lambdaError.Kind == LambdaErrorKind.ResourceConflict)
            {
                // The statement id exists already (another run added it meanwhile): the grant is in place.
            }
            grants.Add(wanted);
        }
        return grants;
    }

    private async Task<OcelotLayerVersion> RecordAsync(PublishPlan plan, OcelotLayerVersion version, IOperationSink sink, CancellationToken cancellationToken)
    {
        var table = _metadata.Value;
        try
        {
            var existing = version.Status == LayerVersionStatus.Reused
                ? await table.GetAsync(version.LayerVersionArn, cancellationToken).ConfigureAwait(false)
                : null;
            var sharingUnchanged = existing is not null && existing.Public == version.Public &&
                (existing.SharedWith ?? []).Order(StringComparer.Ordinal).SequenceEqual(version.SharedWith);
            if (existing is not null && sharingUnchanged)
            {
                sink.Verbose($"{version.Region}: metadata for {version.LayerVersionArn} exists.");
                return version with { HasMetadata = true };
            }
            var item = existing is null
                ? ItemFor(plan, version)
                : existing with { Public = version.Public ?? false, SharedWith = version.SharedWith };
            await table.PutAsync(item, cancellationToken).ConfigureAwait(false);
            sink.Verbose($"{version.Region}: recorded {version.LayerVersionArn} in {settings.MetadataTable} ({settings.MetadataRegion}).");
            return version with { HasMetadata = true };
        }
        catch (MetadataTableException ex) when (ex.Problem == MetadataTableProblem.NotFound)
        {
            WarnTableMissing(ex, sink);
            return version with { HasMetadata = false };
        }
    }

    private LayerMetadataItem ItemFor(PublishPlan plan, OcelotLayerVersion version) => LayerVersionRecord.MetadataItem(version, plan.Digests.Md5, version.LayerArn) with
    {
        DistributionDescription = plan.Artifact.DistributionDescription,
        CollectorVersionInput = plan.Artifact.CollectorVersion,
        CompatibleRuntimes = settings.CompatibleRuntimes.Count == 0 ? null : settings.CompatibleRuntimes,
        Sha256 = plan.Digests.Sha256,
        // An artifact made by hand (or -UpstreamRepo with -Path) may carry a token in its URL: the table never stores it.
        UpstreamRepo = plan.Artifact.UpstreamRepo is { } repository ? Upstream.UpstreamSource.Redact(repository) : null,
        UpstreamCommit = plan.Artifact.UpstreamCommit,
        BuildTags = plan.Artifact.BuildTags.Length == 0 ? null : plan.Artifact.BuildTags,
        OcelotVersion = settings.OcelotVersion,
        Components = plan.Artifact.Components.Length == 0 ? null : plan.Artifact.Components,
        ConfigProviders = plan.Artifact.ConfigProviders.Length == 0 ? null : plan.Artifact.ConfigProviders,
    };

    private OcelotLayerVersion Describe(PublishPlan plan, string region, LayerVersionDetails details, LayerVersionStatus status, IReadOnlyList<string> sharedWith) =>
        LayerVersionRecord.Describe(region, plan.Name.Name, details, status, plan.Digests.Md5) with
        {
            Architecture = plan.Artifact.Architecture,
            Distribution = plan.Artifact.Distribution,
            DistributionDescription = plan.Artifact.DistributionDescription,
            CollectorVersion = plan.Artifact.CollectorVersion,
            LayerVersionString = plan.Name.Version,
            ReleaseGroup = settings.ReleaseGroup,
            SharedWith = [.. sharedWith],
            Public = false,
            Components = plan.Artifact.Components,
            ConfigProviders = plan.Artifact.ConfigProviders,
        };

    private static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
