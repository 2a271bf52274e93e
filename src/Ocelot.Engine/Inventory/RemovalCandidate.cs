namespace Ocelot.Engine.Inventory;

/// <summary>A version Remove-OcelotLayer may delete, fully resolved: <see cref="Target"/> is what -WhatIf and -Confirm name.</summary>
public sealed record RemovalCandidate(LayerVersionReference Version, string Target, string Action);
