using Ocelot.Engine.Failures;

namespace Ocelot.Engine.Overlay;

/// <summary>The Go component wrappers Ocelot can overlay onto upstream, read from a components folder.</summary>
public sealed class OverlayCatalog
{
    public const string TagPrefix = "lambdacomponents.";
    public const string CustomTag = "lambdacomponents.custom";
    public const string AllTag = "lambdacomponents.all";

    /// <summary>The component kinds upstream has one Go package for.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["connector", "exporter", "extension", "processor", "receiver"];

    private OverlayCatalog(string root, IReadOnlyList<OverlayComponent> components, IReadOnlyList<string> supportFiles)
    {
        Root = root;
        Components = components;
        SupportFiles = supportFiles;
    }

    /// <summary>The <c>lambdacomponents</c> folder, or an empty string when there is none.</summary>
    public string Root { get; }
    public IReadOnlyList<OverlayComponent> Components { get; }

    /// <summary>Go files in a kind folder that name no component tag of their own (helpers shared by wrappers).</summary>
    public IReadOnlyList<string> SupportFiles { get; }

    public static OverlayCatalog Empty { get; } = new(string.Empty, [], []);

    /// <param name="componentsFolder">The folder holding <c>collector/lambdacomponents</c>.</param>
    public static OverlayCatalog Load(string componentsFolder)
    {
        var root = Path.Combine(componentsFolder, "collector", "lambdacomponents");
        if (!Directory.Exists(root)) return Empty;
        var components = new List<OverlayComponent>();
        var support = new List<string>();
        foreach (var kind in Kinds)
        {
            var kindFolder = Path.Combine(root, kind);
            if (!Directory.Exists(kindFolder)) continue;
            foreach (var file in Directory.EnumerateFiles(kindFolder, "*.go").Order(StringComparer.Ordinal))
            {
                if (file.EndsWith("_test.go", StringComparison.Ordinal)) continue;
                BuildConstraint? constraint;
                try
                {
                    constraint = BuildConstraint.FromGoSource(File.ReadAllText(file), file);
                }
                catch (FormatException ex)
                {
                    throw new OcelotException(ErrorIds.OverlayConstraintInvalid, FailureKind.InvalidData,
                        $"The overlay component file has an invalid //go:build line: {ex.Message}",
                        "Fix the //go:build expression; it must follow Go's build constraint syntax.", file, ex);
                }
                var ownTag = constraint?.Tags.FirstOrDefault(t => IsComponentTag(t, kind));
                if (constraint is null || ownTag is null)
                {
                    support.Add(file);
                    continue;
                }
                components.Add(new OverlayComponent(kind, ownTag[(TagPrefix.Length + kind.Length + 1)..], ownTag, file, constraint));
            }
        }
        return new OverlayCatalog(root, components, support);
    }

    /// <summary>The wrappers Go will compile for these tags.</summary>
    public IReadOnlyList<OverlayComponent> Select(IReadOnlySet<string> activeTags) =>
        Components.Where(c => c.Constraint.Evaluate(activeTags)).ToList();

    private static bool IsComponentTag(string tag, string kind)
    {
        var prefix = $"{TagPrefix}{kind}.";
        return tag.StartsWith(prefix, StringComparison.Ordinal) && tag.Length > prefix.Length && tag != $"{prefix}all";
    }

    /// <summary>
    /// The reference's rule for a tag that has no wrapper (behaviour §2.6.3): a key is selected when it is active,
    /// when <c>lambdacomponents.all</c> is active, or when <c>&lt;kind&gt;.all</c> of its kind is active.
    /// </summary>
    public static bool IsSelectedByTagRule(string key, IReadOnlySet<string> activeTags)
    {
        if (activeTags.Contains(key) || activeTags.Contains(AllTag)) return true;
        if (key.EndsWith(".all", StringComparison.Ordinal)) return false;
        var lastDot = key.LastIndexOf('.');
        return lastDot > 0 && activeTags.Contains(key[..lastDot] + ".all") && key[..lastDot] + ".all" != AllTag;
    }
}
