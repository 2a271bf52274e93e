using System.Management.Automation;
using Ocelot.Completion;
using Ocelot.Engine.Distributions;
using Ocelot.Engine.Failures;
using Ocelot.Engine.Text;
using Ocelot.Hosting;

namespace Ocelot.Commands;

/// <summary>
/// <para type="synopsis">Gets the distributions defined in distributions.yaml, with their base chains resolved.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "OcelotDistribution")]
[OutputType(typeof(OcelotDistribution))]
public sealed class GetOcelotDistributionCommand : PSCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(DistributionNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    /// <summary>A distributions.yaml file, or a folder holding one. Default: $env:OCELOT_CONFIG_PATH, then the module's config folder.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ConfigPath { get; set; }

    private readonly HashSet<string> _written = new(StringComparer.Ordinal);
    private object? _catalog;

    protected override void BeginProcessing()
    {
        try
        {
            var catalog = OpenCatalog();
            WriteVerbose($"Using distributions file '{catalog.Location.DistributionsFile}' (from {catalog.Location.Origin}).");
            if (catalog.Dependencies.FilePath is null)
                WriteWarning($"No '{ConfigLocation.DependenciesFileName}' beside it: custom components will add no Go modules.");
            _catalog = catalog;
        }
        catch (OcelotException ex)
        {
            ThrowTerminatingError(ErrorRecords.From(ex));
        }
    }

    protected override void ProcessRecord()
    {
        var catalog = (DistributionCatalog)_catalog!;
        var names = Name ?? ["*"];
        foreach (var requested in names)
        {
            if (WildcardPattern.ContainsWildcardCharacters(requested))
            {
                var pattern = WildcardPattern.Get(requested, WildcardOptions.IgnoreCase);
                foreach (var name in catalog.Names.Where(n => pattern.IsMatch(n))) Write(catalog, name);
                continue;
            }
            var exact = catalog.Names.FirstOrDefault(n => n.Equals(requested, StringComparison.OrdinalIgnoreCase));
            if (exact is not null)
            {
                Write(catalog, exact);
                continue;
            }
            WriteError(ErrorRecords.Create(
                new ItemNotFoundException($"Distribution '{requested}' is not defined in '{catalog.Location.DistributionsFile}'.{ClosestMatch.Hint(requested, catalog.Names)}"),
                ErrorIds.DistributionNotFound, FailureKind.ObjectNotFound, requested,
                $"Run Get-OcelotDistribution to list the distributions: {string.Join(", ", catalog.Names)}."));
        }
    }

    private DistributionCatalog OpenCatalog() =>
        DistributionCatalog.Open(ConfigPath is null ? null : GetUnresolvedProviderPathFromPSPath(ConfigPath),
            Environment.GetEnvironmentVariable(ConfigLocation.EnvironmentVariable), ModuleLayout.ModuleRoot);

    private void Write(DistributionCatalog catalog, string name)
    {
        if (!_written.Add(name)) return;
        var problems = catalog.ProblemsOf(name);
        if (problems.Count > 0)
        {
            foreach (var problem in problems) WriteError(ErrorRecords.From(problem));
            return;
        }
        var resolved = catalog.Resolve(name);
        WriteObject(new OcelotDistribution
        {
            Name = resolved.Name,
            Description = resolved.Description,
            Base = resolved.Base,
            BaseChain = [.. resolved.BaseChain],
            OwnBuildTags = [.. resolved.OwnBuildTags],
            BuildTags = [.. resolved.BuildTags],
            ConfigFile = resolved.ConfigFile,
            Components = resolved.Components.Select(c => c.ShortName).ToArray(),
            GoModules = resolved.GoModules.Select(m => m.ToString()).ToArray(),
            ConfigPath = resolved.DistributionsFile,
        });
    }
}
