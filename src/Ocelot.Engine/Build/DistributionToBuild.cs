using Ocelot.Engine.Distributions;
using Ocelot.Engine.Overlay;

namespace Ocelot.Engine.Build;

/// <summary>A distribution to build, with the overlay catalog it was resolved against.</summary>
public sealed record DistributionToBuild(ResolvedDistribution Distribution, OverlayCatalog Overlay);
