using Ocelot.Engine.Failures;

namespace Ocelot.Engine.Publishing;

/// <summary>
/// The outcome in one region: the layer version (when it exists), and the failure, if any. Both are set when the
/// version was published but a later step (sharing, metadata) failed, so the version is never left unreported.
/// </summary>
public sealed record RegionPublishResult(string Region, OcelotLayerVersion? Version, OcelotException? Failure);
