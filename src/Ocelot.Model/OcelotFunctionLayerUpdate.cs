namespace Ocelot;

/// <summary>
/// What Update-OcelotFunctionLayer did to one function. Piped back into Update-OcelotFunctionLayer it rolls the
/// function back: PreviousLayerVersionArn binds to -LayerVersionArn, FunctionName to -FunctionName.
/// </summary>
public sealed record OcelotFunctionLayerUpdate
{
    public required string FunctionName { get; init; }
    public required string FunctionArn { get; init; }
    public required string Region { get; init; }

    /// <summary>The version the function used before; null when the layer was added (-Add).</summary>
    public string? PreviousLayerVersionArn { get; init; }
    public required string NewLayerVersionArn { get; init; }

    /// <summary>The function's layers now, in order.</summary>
    public string[] Layers { get; init; } = [];

    /// <summary>Updated, Added or Unchanged.</summary>
    public required string Status { get; init; }

    public override string ToString() => $"{FunctionArn}: {PreviousLayerVersionArn ?? "(none)"} -> {NewLayerVersionArn}";
}
