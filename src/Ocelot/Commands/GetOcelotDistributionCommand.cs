using System.Management.Automation;
using Ocelot.Completion;
using Ocelot.Engine.Distributions;
using Ocelot.Engine.Failures;
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
        foreach (var name in DistributionSelection.Match(catalog, Name ?? ["*"], WriteError))
        {
            if (!_written.Add(name)) continue;
            if (DistributionSelection.Resolve(catalog, name, WriteError) is { } resolved)
                WriteObject(ResultMapper.ToPublic(resolved));
        }
    }

    private DistributionCatalog OpenCatalog() => DistributionSelection.Open(this, ConfigPath);
}
