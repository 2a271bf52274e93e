using Ocelot.Engine.CollectorConfig;
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

    public static OcelotCollectorConfigResult ToPublic(CollectorConfigReport report) => new()
    {
        Path = report.Path,
        IsValid = report.IsValid,
        CheckedAgainst = report.CheckedAgainst,
        Problems = report.Problems.Select(p => new OcelotCollectorConfigProblem
        {
            Severity = p.Severity.ToString(),
            ErrorId = p.ErrorId,
            Message = p.Message,
            File = p.File,
            Line = p.Line,
            Column = p.Column,
            ComponentId = p.ComponentId,
            RecommendedAction = p.RecommendedAction,
        }).ToArray(),
    };
}
