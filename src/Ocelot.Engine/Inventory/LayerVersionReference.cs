namespace Ocelot.Engine.Inventory;

/// <summary>A layer version to delete: with its ARN when known (then the listed ARN must match it, account included).</summary>
/// <param name="MetadataOnly">An orphaned metadata item: only the item is removed, Lambda is never asked to delete.</param>
public sealed record LayerVersionReference(string LayerName, long Version, string Region, string? LayerVersionArn = null, bool MetadataOnly = false)
{
    public string Describe(string? arn) => arn ?? $"{LayerName}:{Version} ({Region})";
}
