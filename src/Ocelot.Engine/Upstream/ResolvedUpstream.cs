namespace Ocelot.Engine.Upstream;

/// <summary>The exact commit a ref resolved to, in a cached bare repository.</summary>
public sealed record ResolvedUpstream(UpstreamSource Source, string Ref, string Commit, string RepositoryPath);
