namespace Ocelot.Engine.Rollout;

/// <summary>How a function's layer list changes: the given version replaces the one it had, is added, or is already there.</summary>
public enum FunctionLayerChangeKind
{
    Replace,
    Add,
    Unchanged,
}
