namespace Ocelot.Engine.Inventory;

/// <summary>What happened to one version: removed, its metadata item removed, or why not.</summary>
public sealed record LayerRemoval(OcelotLayerRemoval Removal, OcelotException? Failure)
{
    public LayerRemoval(LayerVersionReference version, string? arn, bool removed, bool? metadataRemoved, OcelotException? failure)
        : this(new OcelotLayerRemoval
        {
            LayerName = version.LayerName,
            Version = version.Version,
            Region = version.Region,
            LayerVersionArn = arn,
            Removed = removed,
            MetadataRemoved = metadataRemoved,
            Error = failure?.Message,
        }, failure)
    {
    }
}
