using Ocelot.Engine.Layers;

namespace Ocelot.Engine.Rollout;

/// <summary>A planned change of one function's layers, as -WhatIf shows it and the confirmation approves it.</summary>
public sealed record FunctionLayerChange(
    string FunctionName,
    string FunctionArn,
    string Region,
    LayerVersionArn Target,
    FunctionLayerEdit Edit,
    string? RevisionId)
{
    public string Describe() => Edit.Kind == FunctionLayerChangeKind.Add
        ? $"Add layer {Target}"
        : $"Replace layer {Edit.PreviousLayerVersionArn} -> {Target}";
}
