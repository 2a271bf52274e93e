using Ocelot.Engine.Distributions;

namespace Ocelot.Engine.Components;

/// <summary>
/// A resolved distribution as Get-OcelotDistribution lists it. The engine keeps <see cref="ResolvedDistribution"/> as its
/// working form (overlay component files, parsed Go module requirements); this is the one place it becomes the model's
/// <see cref="OcelotDistribution"/>. It lives beside the components because LayerComponents needs the tag rule.
/// </summary>
public static class DistributionListing
{
    public static OcelotDistribution Describe(ResolvedDistribution distribution) => new()
    {
        Name = distribution.Name,
        Description = distribution.Description,
        Base = distribution.Base,
        BaseChain = [.. distribution.BaseChain],
        OwnBuildTags = [.. distribution.OwnBuildTags],
        BuildTags = [.. distribution.BuildTags],
        ConfigFile = distribution.ConfigFile,
        Components = distribution.Components.Select(c => c.ShortName).ToArray(),
        LayerComponents = DistributionComponents.Of(distribution).Components.Select(c => $"{c.Kind}.{c.Type}").ToArray(),
        GoModules = distribution.GoModules.Select(m => m.ToString()).ToArray(),
        ConfigPath = distribution.DistributionsFile,
    };
}
