using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using Ocelot.Engine.Settings;
using Ocelot.Engine.Operations;
using Ocelot.Engine.Upstream;

namespace Ocelot.Completion;

/// <summary>
/// Completes branches and tags of the upstream named by -UpstreamRepo on the same line (else the default), from what is
/// already on disk: the cache, or the local clone itself. Never touches the network.
/// </summary>
public sealed class UpstreamRefCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        try
        {
            var repository = fakeBoundParameters["UpstreamRepo"] as string ?? UpstreamSource.DefaultRepository;
            var source = UpstreamSource.Parse(repository, CurrentLocation());
            var cache = OcelotEnvironment.Current().CacheFolder;
            return CompletionResults.For(CachedUpstreamRefs.List(source, cache), wordToComplete);
        }
        catch (Exception)
        {
            // Completion must never fail loudly: a bad repository is reported when the command runs.
            return [];
        }
    }

    // A relative -UpstreamRepo means the PowerShell location, which is not the process's current directory.
    private static string CurrentLocation()
    {
        using var shell = PowerShell.Create(RunspaceMode.CurrentRunspace);
        var location = shell.AddCommand("Get-Location").Invoke<PathInfo>().FirstOrDefault();
        return location?.Provider.Name == "FileSystem" ? location.ProviderPath : Environment.CurrentDirectory;
    }
}
