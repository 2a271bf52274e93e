using System.Text.RegularExpressions;

namespace Ocelot.Engine.Tests;

/// <summary>
/// The engine's folders are one concept each: a folder depends on others only one way (no cycle, however long), and
/// every type in src/ is in the file named after it. Read from the sources, so a new import that closes a cycle
/// fails here rather than in a reader's head.
/// </summary>
public sealed partial class EngineFolderTests
{
    private static readonly string EngineFolder = Path.Combine(RepositoryPaths.Root, "src", "Ocelot.Engine");

    [Fact]
    public void No_engine_folders_depend_on_each_other_in_a_cycle()
    {
        var graph = FolderDependencies();
        var cycles = StronglyConnected(graph).Where(group => group.Count > 1).ToList();
        Assert.True(cycles.Count == 0,
            "Engine folders that depend on each other (directly or through others): " +
            string.Join("; ", cycles.Select(group => string.Join(", ", group.Order(StringComparer.Ordinal)))));
    }

    [Fact]
    public void The_dependency_reader_sees_the_imports_the_engine_has()
    {
        var graph = FolderDependencies();
        Assert.Contains("Packaging", graph["Build"]);
        Assert.Contains("Overlay", graph["Distributions"]);
        Assert.DoesNotContain("Build", graph["Build"]);
    }

    [Fact]
    public void Every_type_in_src_is_in_the_file_named_after_it()
    {
        var sourceFolder = Path.Combine(RepositoryPaths.Root, "src");
        var misplaced = new List<string>();
        foreach (var file in Directory.EnumerateFiles(sourceFolder, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(sourceFolder, file).Replace('\\', '/');
            if (relative.Split('/').Any(part => part is "bin" or "obj")) continue;
            // A partial type may be split over Name.cs and Name.Part.cs.
            var expected = Path.GetFileName(file).Split('.')[0];
            misplaced.AddRange(TopLevelType().Matches(File.ReadAllText(file))
                .Select(m => m.Groups["name"].Value)
                .Where(name => name != expected)
                .Select(name => $"{name} in {relative}"));
        }
        Assert.True(misplaced.Count == 0, "Types in a file named after another: " + string.Join(", ", misplaced));
    }

    /// <summary>
    /// Each top-level folder of the engine and the other folders it uses: a file uses a folder when it imports (or
    /// qualifies) its namespace and names one of its types, so a leftover unused import is not a dependency.
    /// </summary>
    private static Dictionary<string, HashSet<string>> FolderDependencies()
    {
        var folders = Directory.EnumerateDirectories(EngineFolder)
            .Select(path => Path.GetFileName(path)!)
            .Where(name => name is not ("bin" or "obj"))
            .ToList();
        var sources = folders.ToDictionary(
            folder => folder,
            folder => Directory.EnumerateFiles(Path.Combine(EngineFolder, folder), "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText).ToList(),
            StringComparer.Ordinal);
        var types = folders.ToDictionary(
            folder => folder,
            folder => sources[folder].SelectMany(text => TopLevelType().Matches(text).Select(m => m.Groups["name"].Value)).ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
        var graph = folders.ToDictionary(folder => folder, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var folder in folders)
            foreach (var text in sources[folder])
            {
                var named = EngineNamespace().Matches(NamespaceDeclaration().Replace(text, string.Empty))
                    .Select(m => m.Groups["folder"].Value)
                    .Where(target => target != folder && types.ContainsKey(target))
                    .ToHashSet(StringComparer.Ordinal);
                var words = Word().Matches(UsingDirective().Replace(text, string.Empty)).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
                graph[folder].UnionWith(named.Where(target => types[target].Overlaps(words)));
            }
        return graph;
    }

    /// <summary>Tarjan's strongly connected components: every group of folders that reach each other.</summary>
    private static List<List<string>> StronglyConnected(Dictionary<string, HashSet<string>> graph)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var groups = new List<List<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in graph[node])
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], index[next]);
                }
            }
            if (low[node] != index[node]) return;
            var group = new List<string>();
            string member;
            do
            {
                member = stack.Pop();
                onStack.Remove(member);
                group.Add(member);
            } while (member != node);
            groups.Add(group);
        }

        foreach (var node in graph.Keys.Order(StringComparer.Ordinal))
            if (!index.ContainsKey(node)) Visit(node);
        return groups;
    }

    [GeneratedRegex(@"\bOcelot\.Engine\.(?<folder>[A-Za-z0-9_]+)")]
    private static partial Regex EngineNamespace();

    [GeneratedRegex(@"^\s*namespace [^;{]+", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"^\s*(?:global )?using (?:static )?[A-Za-z0-9_.]+(?:\s*=\s*[A-Za-z0-9_.<>]+)?;", RegexOptions.Multiline)]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Word();

    [GeneratedRegex(@"^(?:public |internal |file )?(?:(?:sealed|static|abstract|readonly|partial|ref) )*(?:class|record struct|record|struct|interface|enum) (?<name>[A-Za-z_][A-Za-z0-9_]*)", RegexOptions.Multiline)]
    private static partial Regex TopLevelType();
}
