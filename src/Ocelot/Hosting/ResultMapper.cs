using Ocelot.Engine.Components;
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
        LayerComponents = DistributionComponents.Of(resolved).Components.Select(c => $"{c.Kind}.{c.Type}").ToArray(),
        GoModules = resolved.GoModules.Select(m => m.ToString()).ToArray(),
        ConfigPath = resolved.DistributionsFile,
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
        Components = artifact.Components ?? [],
        ConfigProviders = artifact.ConfigProviders ?? [],
    };
}
