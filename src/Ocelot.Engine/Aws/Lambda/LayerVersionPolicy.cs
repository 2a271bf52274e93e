namespace Ocelot.Engine.Aws.Lambda;

/// <summary>A layer version's resource policy document (JSON) and its revision.</summary>
public sealed record LayerVersionPolicy(string Policy, string? RevisionId);
