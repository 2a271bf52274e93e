using Ocelot.Engine.Build;
using Ocelot.Engine.Distributions;
using Ocelot.Engine.Publishing;

namespace Ocelot.Hosting;

/// <summary>Converts engine records into the module's public result types (no engine type reaches PowerShell).</summary>
internal static class ResultMapper
{
    public static OcelotDistribution ToPublic(ResolvedDistribution resolved) => new()
    {
        Name = resolved.Name,
        Description = resolved.Description,
        Base = resolved.Base,
        BaseChain = [.. resolved.BaseChain],
        OwnBuildTags = [.. resolved.OwnBuildTags],
        BuildTags = [.. resolved.BuildTags],
        ConfigFile = resolved.ConfigFile,
        Components = resolved.Components.Select(c => c.ShortName).ToArray(),
        GoModules = resolved.GoModules.Select(m => m.ToString()).ToArray(),
        ConfigPath = resolved.DistributionsFile,
    };

    public static OcelotLayerArtifact ToPublic(LayerArtifact artifact) => new()
    {
        Distribution = artifact.Distribution,
        DistributionDescription = artifact.DistributionDescription,
        Architecture = artifact.Architecture,
        Path = artifact.Path,
        Size = artifact.Size,
        Md5 = artifact.Md5,
        Sha256 = artifact.Sha256,
        CodeSha256 = artifact.CodeSha256,
        UpstreamRepo = artifact.UpstreamRepo,
        UpstreamRef = artifact.UpstreamRef,
        UpstreamCommit = artifact.UpstreamCommit,
        CollectorVersion = artifact.CollectorVersion,
        BuildTags = [.. artifact.BuildTags],
        Components = [.. artifact.Components],
        GoModules = [.. artifact.GoModules],
        ConfigFile = artifact.ConfigFile,
        GoVersion = artifact.GoVersion,
        Duration = artifact.Duration,
        FromCache = artifact.FromCache,
        WorkingTree = artifact.WorkingTree,
    };

    public static OcelotLayerVersion ToPublic(LayerVersionInfo version) => new()
    {
        LayerName = version.LayerName,
        Version = version.Version,
        LayerVersionArn = version.LayerVersionArn,
        LayerArn = version.LayerArn,
        Region = version.Region,
        Architecture = version.Architecture,
        Distribution = version.Distribution,
        DistributionDescription = version.DistributionDescription,
        CollectorVersion = version.CollectorVersion,
        LayerVersionString = version.LayerVersionString,
        ReleaseGroup = version.ReleaseGroup,
        Md5 = version.Md5,
        CodeSha256 = version.CodeSha256,
        CodeSize = version.CodeSize,
        CreatedDate = version.CreatedDate,
        Description = version.Description,
        LicenseInfo = version.LicenseInfo,
        CompatibleRuntimes = [.. version.CompatibleRuntimes],
        Status = version.Status.ToString(),
        SharedWith = [.. version.SharedWith],
        Public = version.Public,
        UsedBy = version.UsedBy is null ? null : [.. version.UsedBy],
    };

    public static LayerVersionInfo ToEngine(OcelotLayerVersion version) => new()
    {
        LayerName = version.LayerName,
        Version = version.Version,
        LayerVersionArn = version.LayerVersionArn,
        LayerArn = version.LayerArn,
        Region = version.Region,
        Architecture = version.Architecture,
        Distribution = version.Distribution,
        DistributionDescription = version.DistributionDescription,
        CollectorVersion = version.CollectorVersion,
        LayerVersionString = version.LayerVersionString,
        ReleaseGroup = version.ReleaseGroup,
        Md5 = version.Md5,
        CodeSha256 = version.CodeSha256,
        CodeSize = version.CodeSize,
        CreatedDate = version.CreatedDate,
        Description = version.Description,
        LicenseInfo = version.LicenseInfo,
        CompatibleRuntimes = version.CompatibleRuntimes,
        Status = Enum.TryParse<LayerVersionStatus>(version.Status, out var status) ? status : LayerVersionStatus.Listed,
        SharedWith = version.SharedWith,
        Public = version.Public,
        UsedBy = version.UsedBy,
    };

    public static PublishArtifact ToPublishArtifact(OcelotLayerArtifact artifact) => new()
    {
        Path = artifact.Path,
        Distribution = artifact.Distribution,
        DistributionDescription = artifact.DistributionDescription,
        Architecture = artifact.Architecture,
        CollectorVersion = artifact.CollectorVersion,
        BuildTags = artifact.BuildTags,
        UpstreamRepo = artifact.UpstreamRepo,
        UpstreamCommit = artifact.UpstreamCommit,
    };
}
