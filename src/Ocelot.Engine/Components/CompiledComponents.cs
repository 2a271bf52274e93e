using Ocelot.Engine.Failures;
using System.Text.RegularExpressions;
using Ocelot.Engine.Overlay;

namespace Ocelot.Engine.Components;

/// <summary>
/// The components a build really contains, decided as Go decides: every file of the upstream and overlay kind
/// packages whose <c>//go:build</c> holds for the active tags (plus linux and the architecture). Without
/// <c>lambdacomponents.custom</c> upstream's fixed set in default.go applies, read from its imports.
/// </summary>
public static partial class CompiledComponents
{
    /// <summary>One compiled component: its kind and tag name, its tag, and the Go package its wrapper imports for it.</summary>
    public sealed record Compiled(string Kind, string Name, string? Tag, string? ImportPath)
    {
        public string ShortName => $"{Kind}.{Name}";
    }

    public static IReadOnlyList<string> List(string lambdaComponentsFolder, IReadOnlyCollection<string> buildTags, string architecture) =>
        Select(lambdaComponentsFolder, buildTags, architecture).Select(c => c.ShortName).ToList();

    /// <summary>The compiled components in <c>kind.name</c> order, each with the component package its wrapper imports.</summary>
    public static IReadOnlyList<Compiled> Select(string lambdaComponentsFolder, IReadOnlyCollection<string> buildTags, string architecture)
    {
        var active = new HashSet<string>(buildTags, StringComparer.Ordinal) { "linux", "unix", architecture, "gc" };
        if (!active.Contains(OverlayCatalog.CustomTag)) return FromDefaultSet(Path.Combine(lambdaComponentsFolder, "default.go"));
        var components = new SortedDictionary<string, Compiled>(StringComparer.Ordinal);
        foreach (var kind in OverlayCatalog.Kinds)
        {
            var folder = Path.Combine(lambdaComponentsFolder, kind);
            if (!Directory.Exists(folder)) continue;
            foreach (var file in Directory.EnumerateFiles(folder, "*.go"))
            {
                if (file.EndsWith("_test.go", StringComparison.Ordinal)) continue;
                var source = File.ReadAllText(file);
                BuildConstraint? constraint;
                try
                {
                    constraint = BuildConstraint.FromGoSource(source, file);
                }
                catch (FormatException ex)
                {
                    throw new OcelotException(ErrorIds.UpstreamLayoutInvalid, FailureKind.InvalidData,
                        $"Cannot tell which components were compiled: {ex.Message}", "Fix the //go:build line of that file.", file, ex);
                }
                if (constraint is null || !constraint.Evaluate(active)) continue;
                var prefix = $"{OverlayCatalog.TagPrefix}{kind}.";
                var own = constraint.Tags.FirstOrDefault(t => t.StartsWith(prefix, StringComparison.Ordinal) && t != prefix + "all");
                if (own is null) continue;
                var name = own[prefix.Length..];
                var package = ImportPath().Matches(source).Select(m => m.Groups[1].Value).FirstOrDefault(p => IsComponentPackage(p, kind));
                components[$"{kind}.{name}"] = new Compiled(kind, name, own, package);
            }
        }
        return components.Values.ToList();
    }

    private static IReadOnlyList<Compiled> FromDefaultSet(string defaultGo)
    {
        if (!File.Exists(defaultGo)) return [];
        var components = new SortedDictionary<string, Compiled>(StringComparer.Ordinal);
        foreach (Match match in ImportPath().Matches(File.ReadAllText(defaultGo)))
        {
            var importPath = match.Groups[1].Value;
            var last = importPath.Split('/')[^1];
            foreach (var kind in OverlayCatalog.Kinds)
                if (IsComponentPackage(importPath, kind))
                    components[$"{kind}.{last[..^kind.Length]}"] = new Compiled(kind, last[..^kind.Length], null, importPath);
        }
        return components.Values.ToList();
    }

    // A component package is named after its type and kind (otlpreceiver, clickhouseexporter); the kind's own API
    // package (go.opentelemetry.io/collector/exporter) is not one.
    private static bool IsComponentPackage(string importPath, string kind)
    {
        // The path is passed to go list: one that starts like a flag or a relative path is never a component package.
        if (!char.IsAsciiLetterOrDigit(importPath[0]) || importPath.Contains("..", StringComparison.Ordinal)) return false;
        var last = importPath.Split('/')[^1];
        return last.EndsWith(kind, StringComparison.Ordinal) && last.Length > kind.Length;
    }

    [GeneratedRegex("\"([A-Za-z0-9._~/-]+)\"")]
    private static partial Regex ImportPath();
}
