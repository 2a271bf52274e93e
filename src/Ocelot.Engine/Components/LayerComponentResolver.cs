using Ocelot.Engine.Go;
using Ocelot.Engine.Operations;

namespace Ocelot.Engine.Components;

/// <summary>
/// Turns the compiled components of a build into <see cref="OcelotLayerComponent"/>s: <c>go list</c> (run in the build
/// tree, after <c>go mod tidy</c>, so every module is downloaded) gives each component package's folder, module and
/// version, and the <c>metadata.yaml</c> in that folder gives its type and signals. A component without one keeps the
/// type of its tag, and the caller gets one warning naming all such components.
/// </summary>
public static class LayerComponentResolver
{
    private const string ListFormat = "{{.ImportPath}}\t{{.Dir}}\t{{with .Module}}{{.Path}}\t{{.Version}}{{end}}";

    public sealed record Resolution(IReadOnlyList<OcelotLayerComponent> Components, string? Warning);

    public static async Task<Resolution> ResolveAsync(GoToolchain go, string moduleFolder, IReadOnlyList<CompiledComponents.Compiled> compiled,
        IReadOnlyDictionary<string, string?> environment, IOperationSink sink, CancellationToken cancellationToken)
    {
        var packages = compiled.Select(c => c.ImportPath).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var listed = new Dictionary<string, (string Dir, string? Module, string? Version)>(StringComparer.Ordinal);
        if (packages.Count > 0)
        {
            var result = await go.RunAsync(["list", "-e", "-f", ListFormat, .. packages], moduleFolder, environment, sink, cancellationToken).ConfigureAwait(false);
            foreach (var line in result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var fields = line.Split('\t');
                if (fields.Length < 2 || fields[1].Length == 0) continue;
                listed[fields[0]] = (fields[1], fields.Length > 2 && fields[2].Length > 0 ? fields[2] : null, fields.Length > 3 && fields[3].Length > 0 ? fields[3] : null);
            }
        }
        var components = new List<OcelotLayerComponent>();
        var fromTags = new List<string>();
        foreach (var item in compiled)
        {
            var fallback = ComponentBuildTag.Component(item.Kind, item.Name, item.Tag) with { ImportPath = item.ImportPath };
            if (item.ImportPath is null || !listed.TryGetValue(item.ImportPath, out var package))
            {
                components.Add(fallback);
                fromTags.Add(item.ShortName);
                continue;
            }
            var located = fallback with { Module = package.Module, Version = package.Version };
            if (ComponentMetadataFile.Read(package.Dir) is not { } metadata)
            {
                components.Add(located);
                fromTags.Add(item.ShortName);
                continue;
            }
            components.Add(located with { Type = metadata.Type, Signals = [.. metadata.Signals], FromMetadata = true });
        }
        var warning = fromTags.Count == 0 ? null :
            $"No {ComponentMetadataFile.FileName} found for {string.Join(", ", fromTags)}: their types come from their build tags, and their signals are unknown.";
        return new Resolution(components, warning);
    }
}
