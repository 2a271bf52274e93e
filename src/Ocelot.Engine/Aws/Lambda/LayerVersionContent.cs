namespace Ocelot.Engine.Aws.Lambda;

/// <summary>Where a layer version's zip is stored and its base64 SHA-256 and size in bytes.</summary>
public sealed record LayerVersionContent(string? Location, string? CodeSha256, long CodeSize);
