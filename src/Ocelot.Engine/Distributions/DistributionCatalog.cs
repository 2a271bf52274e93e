using System.Text.RegularExpressions;
using Ocelot.Engine.Failures;
using Ocelot.Engine.Overlay;
using Ocelot.Engine.Text;
using YamlDotNet.RepresentationModel;

namespace Ocelot.Engine.Distributions;

/// <summary>
/// The distributions of one <c>distributions.yaml</c>, validated. A problem in one distribution (or its base chain)
/// makes that distribution unusable and is reported with its file position; the others stay usable.
/// </summary>
public sealed partial class DistributionCatalog
{
    public static readonly IReadOnlyList<string> AllowedKeys = ["base", "buildtags", "config-file", "description"];

    private readonly Dictionary<string, DistributionDefinition> _definitions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<ConfigProblem>> _problems = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];

    private DistributionCatalog(ConfigLocation location, ComponentDependencies dependencies, OverlayCatalog overlay)
    {
        Location = location;
        Dependencies = dependencies;
        Overlay = overlay;
    }

    public ConfigLocation Location { get; }
    public ComponentDependencies Dependencies { get; }
    public OverlayCatalog Overlay { get; }

    /// <summary>Every distribution name, in file order.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>
    /// Opens the configuration in effect (see <see cref="ConfigLocation.Resolve"/>) with its overlay components: a
    /// <c>components/</c> folder beside the config folder when there is one (a fork of Ocelot's layout), else the module's.
    /// </summary>
    public static DistributionCatalog Open(string? explicitPath, string? environmentValue, string moduleRoot)
    {
        var location = ConfigLocation.Resolve(explicitPath, environmentValue, Path.Combine(moduleRoot, "config"));
        var siblingComponents = Path.Combine(Path.GetDirectoryName(location.Folder) ?? location.Folder, "components");
        var componentsFolder = Directory.Exists(Path.Combine(siblingComponents, "collector", "lambdacomponents"))
            ? siblingComponents
            : Path.Combine(moduleRoot, "components");
        return Load(location, OverlayCatalog.Load(componentsFolder));
    }

    public static DistributionCatalog Load(ConfigLocation location, OverlayCatalog overlay)
    {
        var root = YamlFile.LoadRoot(location.DistributionsFile);
        var catalog = new DistributionCatalog(location, ComponentDependencies.Load(location.DependenciesFile), overlay);
        if (root is null || YamlFile.IsNull(root)) return catalog;
        if (root is not YamlMappingNode top)
        {
            throw new OcelotException(ErrorIds.ConfigNotAMapping, FailureKind.InvalidData,
                $"The distributions file must be a mapping of distribution names to definitions, but at {YamlFile.At(location.DistributionsFile, root)} it is {YamlFile.NodeKind(root)}.",
                "Write each distribution as a top-level key, e.g. 'minimal:' followed by indented 'buildtags:'.", location.DistributionsFile);
        }
        foreach (var (keyNode, valueNode) in top.Children)
            catalog.ReadDefinition(keyNode, valueNode);
        return catalog;
    }

    /// <summary>The problems that make a distribution unusable, its base chain included; empty when it is valid.</summary>
    public IReadOnlyList<ConfigProblem> ProblemsOf(string name)
    {
        var problems = new List<ConfigProblem>(OwnProblems(name));
        var chain = FollowChain(name, out var chainProblem);
        if (chainProblem is not null) problems.Add(chainProblem);
        foreach (var ancestor in chain.Skip(1))
        {
            if (OwnProblems(ancestor).Count == 0) continue;
            var definition = _definitions[name];
            problems.Add(new ConfigProblem(ErrorIds.DistributionBaseInvalid, name,
                $"Distribution '{name}' cannot be used because its base '{ancestor}' is invalid (see the errors for '{ancestor}').",
                $"Fix distribution '{ancestor}' in '{Location.DistributionsFile}'.", definition.BaseLocation ?? definition.Location));
            break;
        }
        return problems;
    }

    /// <summary>Resolves a valid distribution; call <see cref="ProblemsOf"/> first.</summary>
    public ResolvedDistribution Resolve(string name)
    {
        var problems = ProblemsOf(name);
        if (problems.Count > 0)
            throw new OcelotException(problems[0].ErrorId, FailureKind.InvalidData, problems[0].Message, problems[0].RecommendedAction, name);
        var chain = FollowChain(name, out _);
        var definition = _definitions[name];
        var tags = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var member in chain) tags.UnionWith(_definitions[member].OwnBuildTags);
        var configFile = chain.Select(m => _definitions[m].ConfigFilePath).FirstOrDefault(p => p is not null);
        var active = (IReadOnlySet<string>)new HashSet<string>(tags, StringComparer.Ordinal);
        var components = Overlay.Select(active);
        return new ResolvedDistribution(name, definition.Description, definition.Base, chain, definition.OwnBuildTags, tags.ToList(),
            configFile, components, SelectGoModules(active, components), Location.DistributionsFile);
    }

    /// <summary>
    /// Modules of the dependency entries whose component Go will compile. An entry with no overlay wrapper
    /// (a module an upstream component needs) follows the reference's tag rule instead.
    /// </summary>
    private List<GoModuleRequirement> SelectGoModules(IReadOnlySet<string> active, IReadOnlyList<OverlayComponent> components)
    {
        var selectedTags = components.Select(c => c.Tag).ToHashSet(StringComparer.Ordinal);
        var wrapperTags = Overlay.Components.Select(c => c.Tag).ToHashSet(StringComparer.Ordinal);
        var modules = new List<GoModuleRequirement>();
        foreach (var (tag, requirements) in Dependencies.Entries)
        {
            var selected = wrapperTags.Contains(tag) ? selectedTags.Contains(tag) : OverlayCatalog.IsSelectedByTagRule(tag, active);
            if (!selected) continue;
            foreach (var requirement in requirements)
                if (!modules.Contains(requirement)) modules.Add(requirement);
        }
        return modules;
    }

    private IReadOnlyList<ConfigProblem> OwnProblems(string name) =>
        _problems.TryGetValue(name, out var list) ? list : [];

    /// <summary>[name, base, base of base, ...] up to the first missing base or repeated name.</summary>
    private List<string> FollowChain(string name, out ConfigProblem? problem)
    {
        problem = null;
        var chain = new List<string> { name };
        var current = _definitions[name];
        while (current.Base is { } baseName)
        {
            if (!_definitions.TryGetValue(baseName, out var next))
            {
                problem = new ConfigProblem(ErrorIds.DistributionBaseNotFound, name,
                    $"Distribution '{current.Name}' at {current.BaseLocation} has base '{baseName}', which is not defined in '{Location.DistributionsFile}'.{ClosestMatch.Hint(baseName, _names)}",
                    $"Set 'base' of '{current.Name}' to one of: {string.Join(", ", _names)}; or remove it.", current.BaseLocation);
                return chain;
            }
            if (chain.Contains(baseName))
            {
                var cycle = string.Join(" -> ", chain.Append(baseName));
                problem = new ConfigProblem(ErrorIds.DistributionBaseCycle, name,
                    $"Distribution '{name}' has a base cycle: {cycle} (at {current.BaseLocation}).",
                    "Remove 'base' from one distribution of the cycle so that the chain ends.", current.BaseLocation);
                return chain;
            }
            chain.Add(baseName);
            current = next;
        }
        return chain;
    }

    private void ReadDefinition(YamlNode keyNode, YamlNode valueNode)
    {
        var name = YamlFile.ScalarText(keyNode) ?? string.Empty;
        if (_definitions.ContainsKey(name)) return; // YamlDotNet already rejects duplicate keys; kept for safety.
        _names.Add(name);
        var reader = new DistributionDefinitionReader(Location, name);
        var definition = reader.Read(keyNode, valueNode);
        _definitions[name] = definition;
        if (reader.Problems.Count > 0) _problems[name] = reader.Problems;
    }

    public static bool IsValidBuildTag(string tag) => BuildTagPattern().IsMatch(tag);

    [GeneratedRegex(@"\A[a-z][a-z0-9_]*(\.[a-z0-9_]+)*\z")]
    private static partial Regex BuildTagPattern();
}
