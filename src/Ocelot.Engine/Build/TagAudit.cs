using Ocelot.Engine.Overlay;
using Ocelot.Engine.Text;

namespace Ocelot.Engine.Build;

/// <summary>
/// Finds active tags that no <c>//go:build</c> line in upstream or the overlay mentions: such a tag does nothing,
/// which is how the reference's <c>memory_limiter</c> typo went unnoticed.
/// </summary>
public static class TagAudit
{
    public static IReadOnlyList<string> UnknownTagWarnings(string collectorFolder, IEnumerable<string> overlayFiles, IReadOnlyList<string> activeTags, string distribution)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        // Links are not followed: an upstream tree may hold a link to one of its own parents (a loop).
        var walk = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        var files = Directory.EnumerateFiles(collectorFolder, "*.go", walk).Concat(overlayFiles);
        foreach (var file in files)
        {
            try
            {
                if (BuildConstraint.FromGoSource(File.ReadAllText(file), file) is { } constraint) known.UnionWith(constraint.Tags);
            }
            catch (FormatException)
            {
                // Go reports malformed constraints itself when it compiles; the audit only looks for names.
            }
        }
        var candidates = known.Where(t => t.StartsWith(OverlayCatalog.TagPrefix, StringComparison.Ordinal)).ToList();
        return activeTags.Where(t => !known.Contains(t))
            .Select(t => $"Build tag '{t}' of distribution '{distribution}' matches no //go:build line in upstream or the overlay, so it has no effect.{ClosestMatch.Hint(t, candidates)}")
            .ToList();
    }
}
