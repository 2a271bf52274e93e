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
}
