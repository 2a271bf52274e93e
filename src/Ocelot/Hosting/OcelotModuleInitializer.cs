using System.Management.Automation;
using System.Reflection;
using System.Runtime.Loader;

namespace Ocelot.Hosting;

/// <summary>
/// Routes the request the default context cannot answer for Ocelot.Engine to Ocelot's own load context.
/// Every dependency of the engine is then resolved there and never touches the default context.
/// </summary>
public sealed class OcelotModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    public void OnImport() => AssemblyLoadContext.Default.Resolving += ResolveEngine;

    public void OnRemove(PSModuleInfo psModuleInfo) => AssemblyLoadContext.Default.Resolving -= ResolveEngine;

    private static Assembly? ResolveEngine(AssemblyLoadContext context, AssemblyName name) => name.Name switch
    {
        OcelotLoadContext.EngineAssemblyName => OcelotLoadContext.Instance.LoadFromAssemblyName(name),
        // Beside Ocelot.dll, in the default context: the one copy both sides share.
        OcelotLoadContext.ModelAssemblyName => context.LoadFromAssemblyPath(Path.Combine(ModuleLayout.BinFolder, name.Name + ".dll")),
        _ => null,
    };
}
