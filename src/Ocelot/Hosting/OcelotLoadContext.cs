using System.Reflection;
using System.Runtime.Loader;

namespace Ocelot.Hosting;

/// <summary>
/// Ocelot's own assembly load context. The engine and its third-party dependencies (YamlDotNet, AWSSDK,
/// LibGit2Sharp and its native libgit2) load here from <c>bin/dependencies</c>, so other modules in the session
/// can use other versions of the same libraries.
/// </summary>
internal sealed class OcelotLoadContext : AssemblyLoadContext
{
    public const string EngineAssemblyName = "Ocelot.Engine";

    /// <summary>The types PowerShell names; loaded once, in the default context, beside Ocelot.dll.</summary>
    public const string ModelAssemblyName = "Ocelot.Model";

    private static readonly Lazy<OcelotLoadContext> s_instance = new(() => new OcelotLoadContext(DependenciesFolder));

    private readonly string _dependenciesFolder;
    private readonly AssemblyDependencyResolver _resolver;

    private OcelotLoadContext(string dependenciesFolder)
        : base("Ocelot", isCollectible: false)
    {
        _dependenciesFolder = dependenciesFolder;
        // The engine's .deps.json describes managed and native assets (runtimes/<rid>/native), which the resolver maps.
        _resolver = new AssemblyDependencyResolver(Path.Combine(dependenciesFolder, EngineAssemblyName + ".dll"));
    }

    public static OcelotLoadContext Instance => s_instance.Value;

    public static string DependenciesFolder => Path.Combine(ModuleLayout.BinFolder, "dependencies");

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        // A second copy here would make the engine's OcelotException a different type from the one scripts catch.
        if (assemblyName.Name == ModelAssemblyName) return null;
        var path = _resolver.ResolveAssemblyToPath(assemblyName);
        if (path is null)
        {
            var candidate = Path.Combine(_dependenciesFolder, assemblyName.Name + ".dll");
            if (File.Exists(candidate)) path = candidate;
        }
        // null lets the default context answer: framework and PowerShell assemblies are shared.
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}
