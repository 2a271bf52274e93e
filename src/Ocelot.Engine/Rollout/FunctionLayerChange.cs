using Ocelot.Engine.Failures;
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

/// <summary>What happened to one function (its layers now: Updated, Added, Unchanged), with the failure to report.</summary>
public sealed record FunctionLayerUpdate(OcelotFunctionLayerUpdate Update, OcelotException? Failure)
{
    public FunctionLayerUpdate(string functionName, string functionArn, string region, string? previousLayerVersionArn, string newLayerVersionArn,
        IReadOnlyList<string> layers, string status, OcelotException? failure)
        : this(new OcelotFunctionLayerUpdate
        {
            FunctionName = functionName,
            FunctionArn = functionArn,
            Region = region,
            PreviousLayerVersionArn = previousLayerVersionArn,
            NewLayerVersionArn = newLayerVersionArn,
            Layers = [.. layers],
            Status = status,
        }, failure)
    {
    }
}

/// <summary>The changes a rollout would make, and the functions or regions it could not plan for.</summary>
public sealed record RolloutPlan(IReadOnlyList<FunctionLayerChange> Changes, IReadOnlyList<FunctionLayerUpdate> Unchanged, IReadOnlyList<OcelotException> Failures);
