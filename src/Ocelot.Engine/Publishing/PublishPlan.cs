using Ocelot.Engine.Failures;
using Ocelot.Engine.Layers;
using Ocelot.Engine.Packaging;

namespace Ocelot.Engine.Publishing;

/// <summary>Everything decided about one artifact before any AWS call: its layer name, description and digests.</summary>
public sealed record PublishPlan(OcelotLayerArtifact Artifact, LayerName Name, string Description, LayerPackage.Digests Digests,
    IReadOnlyDictionary<string, string> StagingBuckets)
{
    /// <summary>
    /// A zip given by path (not built by Invoke-OcelotBuild) as an artifact: its digests, and only the provenance the
    /// caller gives.
    /// </summary>
    /// <param name="buildTags">As given: a list, or one comma- or space-separated string (what Import-Csv gives back).</param>
    public static OcelotLayerArtifact DescribeZip(string path, string distribution, string? architecture, string? collectorVersion, IEnumerable<string?> buildTags,
        string? distributionDescription, string? upstreamRepo, string? upstreamCommit)
    {
        var tags = Text.FlattenedList.Parse(buildTags, "BuildTags");
        RequireZip(path);
        var digests = LayerPackage.Digest(path);
        return new OcelotLayerArtifact
        {
            Path = path, Distribution = distribution, Architecture = architecture, CollectorVersion = collectorVersion, BuildTags = [.. tags],
            DistributionDescription = distributionDescription, UpstreamRepo = upstreamRepo, UpstreamCommit = upstreamCommit,
            Size = digests.Size, Md5 = digests.Md5, Sha256 = digests.Sha256, CodeSha256 = digests.CodeSha256,
        };
    }

    public static PublishPlan Create(OcelotLayerArtifact artifact, PublishSettings settings)
    {
        var regions = settings.Regions;
        RequireZip(artifact.Path);
        if (artifact.Architecture is not null && artifact.Architecture is not ("amd64" or "arm64"))
            throw new OcelotException(ErrorIds.LayerNameInvalid, FailureKind.InvalidArgument,
                $"Architecture '{artifact.Architecture}' is not amd64 or arm64.", "Declare the architecture amd64 or arm64.", artifact.Architecture);
        LayerZipInspection.Inspect(artifact.Path, artifact.Architecture);
        var name = LayerName.Construct(settings.LayerNameBase, artifact.Architecture, artifact.Distribution, settings.LayerNameVersion,
            artifact.CollectorVersion, settings.ReleaseGroup, settings.Environment.GitHubRef);
        LayerName.Validate(name.Name, regions);
        var digests = LayerPackage.Digest(artifact.Path);
        var buckets = settings.S3Buckets.Count == 0 ? new Dictionary<string, string>() : S3Staging.Buckets(settings.S3Buckets, regions);
        var plan = new PublishPlan(artifact, name, LayerDescription.Build(digests.Md5, artifact.BuildTags), digests, buckets);
        var limit = settings.Environment.DirectUploadLimit ?? Aws.Lambda.AccountLimits.DocumentedDirectUploadZipBytes;
        if (digests.Size > limit && settings.S3Buckets.Count == 0)
            throw new OcelotException(ErrorIds.LayerTooLargeForDirectUpload, FailureKind.LimitsExceeded,
                $"The layer zip is {digests.Size / 1048576.0:0.0} MB, over Lambda's {limit / 1048576.0:0.#} MB limit for a direct upload.",
                "Stage the zip in S3: give a bucket per region, or a template such as my-bucket-{region}.", artifact.Path);
        return plan;
    }

    private static void RequireZip(string path)
    {
        if (!File.Exists(path))
            throw new OcelotException(ErrorIds.LayerZipNotFound, FailureKind.ObjectNotFound,
                $"The layer zip '{path}' does not exist.", "Build it with Invoke-OcelotBuild, or give the path of an existing zip.", path);
    }

    /// <summary>What -WhatIf and -Confirm name as the target in one region, whether the zip came as an artifact or by -Path.</summary>
    public string Target(string region) => $"Lambda layer '{Name.Name}' in {region}";

    /// <summary>What -WhatIf and -Confirm say about one region.</summary>
    public string Summary(string region, PublishSettings settings)
    {
        var sharing = settings.Sharing.Count == 0 ? "private" : "shared with " + string.Join(", ", settings.Sharing.Select(g => g.IsPublic ? "everyone (public)" : g.Label));
        var upload = StagingBuckets.TryGetValue(region, out var bucket) ? $"staged in s3://{bucket}" : "direct upload";
        return $"Publish layer version '{Name.Name}' ({Digests.Size / 1048576.0:0.0} MB, md5 {Digests.Md5}, {upload}, {sharing}) in {region}" +
               (settings.AllowDuplicate ? string.Empty : ", unless a version with that md5 exists");
    }
}
