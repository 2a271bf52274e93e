using Amazon.DynamoDBv2;
using Ocelot.Engine.Layers;

namespace Ocelot.Engine.Copying;

/// <summary>One copy: the source version, the region it was copied to, and the copy (or why not).</summary>
public sealed record LayerCopyResult(LayerVersionArn Source, string Region, OcelotLayerVersion? Copy, OcelotException? Failure);
