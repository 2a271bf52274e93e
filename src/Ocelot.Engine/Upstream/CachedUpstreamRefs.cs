using LibGit2Sharp;

namespace Ocelot.Engine.Upstream;

/// <summary>Branch and tag names of an upstream that are already on disk (the cache, or a local clone): no network.</summary>
public static class CachedUpstreamRefs
{
    public static IReadOnlyList<string> List(UpstreamSource source, string cacheFolder)
    {
        var branches = new SortedSet<string>(StringComparer.Ordinal);
        var tags = new SortedSet<string>(StringComparer.Ordinal);
        var cached = Path.Combine(cacheFolder, "git", UpstreamCache.FolderName(source));
        foreach (var path in source.IsLocal ? new[] { cached, source.Url } : [cached])
        {
            if (!Repository.IsValid(path)) continue;
            using var repository = new Repository(path);
            foreach (var reference in repository.Refs)
            {
                // The cache keeps fetched refs under refs/ocelot/<their own name>.
                var name = reference.CanonicalName.StartsWith("refs/ocelot/", StringComparison.Ordinal)
                    ? reference.CanonicalName["refs/ocelot/".Length..] : reference.CanonicalName;
                if (name.StartsWith("refs/heads/", StringComparison.Ordinal)) branches.Add(name["refs/heads/".Length..]);
                else if (name.StartsWith("refs/tags/", StringComparison.Ordinal)) tags.Add(name["refs/tags/".Length..]);
            }
        }
        return [.. branches, .. tags.Where(t => !branches.Contains(t))];
    }
}
