namespace Ocelot.Engine.Rollout;

/// <summary>The changes a rollout would make, and the functions or regions it could not plan for.</summary>
public sealed record RolloutPlan(IReadOnlyList<FunctionLayerChange> Changes, IReadOnlyList<FunctionLayerUpdate> Unchanged, IReadOnlyList<OcelotException> Failures);
