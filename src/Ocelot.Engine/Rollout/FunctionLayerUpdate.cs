namespace Ocelot.Engine.Rollout;

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
