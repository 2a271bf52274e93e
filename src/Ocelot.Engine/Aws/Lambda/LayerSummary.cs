namespace Ocelot.Engine.Aws.Lambda;

/// <summary>A layer as listed by ListLayers, with its newest version.</summary>
public sealed record LayerSummary(string LayerName, string LayerArn, LayerVersionSummary? LatestMatchingVersion);
