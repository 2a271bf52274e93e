namespace Ocelot.Engine.Aws.Metadata;

/// <summary>An item lacks attributes that every metadata item must have.</summary>
public sealed class LayerMetadataValidationException(string? layerArn, IReadOnlyList<string> missingAttributes)
    : Exception($"Layer metadata for '{(string.IsNullOrEmpty(layerArn) ? "(no layer ARN)" : layerArn)}' is missing required "
        + $"attribute(s): {string.Join(", ", missingAttributes)}.")
{
    public IReadOnlyList<string> MissingAttributes { get; } = missingAttributes;
}
