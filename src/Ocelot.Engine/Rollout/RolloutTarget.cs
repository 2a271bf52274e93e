using Ocelot.Engine.Layers;

namespace Ocelot.Engine.Rollout;

/// <summary>
/// One layer version to roll out, and which functions of its region get it: those whose names <see cref="NameMatches"/>
/// accepts (the PowerShell side passes its wildcard matching). <see cref="LiteralNames"/> are names without wildcards,
/// reported when no such function exists.
/// </summary>
public sealed record RolloutTarget(LayerVersionArn Layer, Func<string, bool> NameMatches, IReadOnlyList<string> LiteralNames);
