using Ocelot.Engine.Failures;
using Ocelot.Engine.Packaging;

namespace Ocelot.Engine.Publishing;

/// <summary>Everything decided about one artifact before any AWS call: its layer name, description and digests.</summary>
public sealed record PublishPlan(PublishArtifact Artifact, LayerName.Parts Name, string Description, LayerPackage.Digests Digests,
    IReadOnlyDictionary<string, string> StagingBuckets)
{
    public static PublishPlan Create(PublishArtifact artifact, PublishSettings settings, IReadOnlyList<string> regions)
    {
        if (!File.Exists(artifact.Path))
            throw new OcelotException(ErrorIds.LayerZipNotFound, FailureKind.ObjectNotFound,
                $"The layer zip '{artifact.Path}' does not exist.", "Build it with Invoke-OcelotBuild, or give the path of an existing zip.", artifact.Path);
        if (artifact.Architecture is not null && artifact.Architecture is not ("amd64" or "arm64"))
            throw new OcelotException(ErrorIds.LayerNameInvalid, FailureKind.InvalidArgument,
                $"Architecture '{artifact.Architecture}' is not amd64 or arm64.", "Declare the architecture amd64 or arm64.", artifact.Architecture);
        LayerZipInspection.Inspect(artifact.Path, artifact.Architecture);
        var name = LayerName.Construct(settings.LayerNameBase, artifact.Architecture, artifact.Distribution, settings.LayerNameVersion,
            artifact.CollectorVersion, settings.ReleaseGroup, settings.GitHubRef);
        LayerName.Validate(name.Name, regions);
        var digests = LayerPackage.Digest(artifact.Path);
        var buckets = settings.S3Buckets.Count == 0 ? new Dictionary<string, string>() : S3Staging.Buckets(settings.S3Buckets, regions);
        var plan = new PublishPlan(artifact, name, LayerDescription.Build(digests.Md5, artifact.BuildTags), digests, buckets);
        var limit = settings.DirectUploadLimit ?? Aws.Lambda.AccountLimits.DocumentedDirectUploadZipBytes;
        if (digests.Size > limit && settings.S3Buckets.Count == 0)
            throw new OcelotException(ErrorIds.LayerTooLargeForDirectUpload, FailureKind.LimitsExceeded,
                $"The layer zip is {digests.Size / 1048576.0:0.0} MB, over Lambda's {limit / 1048576.0:0.#} MB limit for a direct upload.",
                "Stage the zip in S3: give a bucket per region, or a template such as my-bucket-{region}.", artifact.Path);
        return plan;
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
