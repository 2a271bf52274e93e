using Ocelot.Engine.Failures;
using System.Text.RegularExpressions;
using Ocelot.Engine.Overlay;

namespace Ocelot.Engine.Build;

/// <summary>
/// The components a build really contains, decided as Go decides: every file of the upstream and overlay kind
/// packages whose <c>//go:build</c> holds for the active tags (plus linux and the architecture). Without
/// <c>lambdacomponents.custom</c> upstream's fixed set in default.go applies, read from its imports.
/// </summary>
public static partial class CompiledComponents
{
    public static IReadOnlyList<string> List(string lambdaComponentsFolder, IReadOnlyCollection<string> buildTags, string architecture)
    {
        var active = new HashSet<string>(buildTags, StringComparer.Ordinal) { "linux", "unix", architecture, "gc" };
        if (!active.Contains(OverlayCatalog.CustomTag)) return FromDefaultSet(Path.Combine(lambdaComponentsFolder, "default.go"));
        var components = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var kind in OverlayCatalog.Kinds)
        {
            var folder = Path.Combine(lambdaComponentsFolder, kind);
            if (!Directory.Exists(folder)) continue;
            foreach (var file in Directory.EnumerateFiles(folder, "*.go"))
            {
                if (file.EndsWith("_test.go", StringComparison.Ordinal)) continue;
                BuildConstraint? constraint;
                try
                {
                    constraint = BuildConstraint.FromGoSource(File.ReadAllText(file), file);
                }
                catch (FormatException ex)
                {
                    throw new OcelotException(ErrorIds.UpstreamLayoutInvalid, FailureKind.InvalidData,
                        $"Cannot tell which components were compiled: {ex.Message}", "Fix the //go:build line of that file.", file, ex);
                }
                if (constraint is null || !constraint.Evaluate(active)) continue;
                var prefix = $"{OverlayCatalog.TagPrefix}{kind}.";
                var own = constraint.Tags.FirstOrDefault(t => t.StartsWith(prefix, StringComparison.Ordinal) && t != prefix + "all");
                if (own is not null) components.Add($"{kind}.{own[prefix.Length..]}");
            }
        }
        return components.ToList();
    }

    private static IReadOnlyList<string> FromDefaultSet(string defaultGo)
    {
        if (!File.Exists(defaultGo)) return [];
        var components = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Match match in ImportPath().Matches(File.ReadAllText(defaultGo)))
        {
            var last = match.Groups[1].Value.Split('/')[^1];
            foreach (var kind in OverlayCatalog.Kinds)
                if (last.EndsWith(kind, StringComparison.Ordinal) && last.Length > kind.Length)
                    components.Add($"{kind}.{last[..^kind.Length]}");
        }
        return components.ToList();
    }

    [GeneratedRegex("\"([A-Za-z0-9._~/-]+)\"")]
    private static partial Regex ImportPath();
}
