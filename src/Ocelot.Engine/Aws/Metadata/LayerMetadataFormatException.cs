using Amazon.DynamoDBv2.Model;
using A = Ocelot.Engine.Aws.Metadata.LayerMetadataAttributes;

namespace Ocelot.Engine.Aws.Metadata;

/// <summary>A metadata item that cannot be read as one: the item (by its key, when it has one) and the attribute at fault.</summary>
public sealed class LayerMetadataFormatException(string? layerArn, string attribute, string problem)
    : Exception($"The metadata item '{layerArn ?? "(no layer_arn)"}' is malformed: attribute '{attribute}': {problem}.")
{
    public string? LayerArn { get; } = layerArn;
    public string Attribute { get; } = attribute;
}
