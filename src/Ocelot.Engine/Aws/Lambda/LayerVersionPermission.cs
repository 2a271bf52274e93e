namespace Ocelot.Engine.Aws.Lambda;

/// <summary>The policy statement (JSON) that AddLayerVersionPermission added, and the policy's new revision.</summary>
public sealed record LayerVersionPermission(string Statement, string? RevisionId);
