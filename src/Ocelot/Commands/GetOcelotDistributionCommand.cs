using System.Management.Automation;
using Ocelot.Completion;
using Ocelot.Engine.Components;
using Ocelot.Engine.Distributions;
using Ocelot.Hosting;

namespace Ocelot.Commands;

/// <summary>
/// <para type="synopsis">Gets the distributions defined in distributions.yaml, with their base chains resolved.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "OcelotDistribution", HelpUri = HelpLinks.CmdletDocs + "Get-OcelotDistribution.md")]
[OutputType(typeof(OcelotDistribution))]
public sealed class GetOcelotDistributionCommand : OcelotCmdlet
{
    /// <summary>Distribution names; wildcards allowed, case-insensitive. Default: every distribution.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(DistributionNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    /// <summary>A distributions.yaml file, or a folder holding one. Default: $env:OCELOT_CONFIG_PATH, then the module's config folder.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ConfigPath { get; set; }

    /// <summary>The type name that selects the detailed list view of the format file.</summary>
    public const string DetailTypeName = "Ocelot.OcelotDistribution#Detail";

    private readonly HashSet<string> _written = new(StringComparer.Ordinal);
    private object? _catalog;

    protected override void BeginProcessing()
    {
        Try(() => DistributionSelection.Open(this, ConfigPath, Settings), OnFailure.Stop, out var catalog);
        WriteVerbose($"Using distributions file '{catalog.Location.DistributionsFile}' (from {catalog.Location.Origin}).");
        if (catalog.Dependencies.FilePath is null)
            WriteWarning($"No '{ConfigLocation.DependenciesFileName}' beside it: custom components will add no Go modules.");
        _catalog = catalog;
    }

    protected override void ProcessRecord()
    {
        var catalog = (DistributionCatalog)_catalog!;
        // One distribution asked for by its exact name is shown in detail (tags, config file); anything else as a table.
        var detailed = Name is [var only] && !WildcardPattern.ContainsWildcardCharacters(only) && !MyInvocation.ExpectingInput;
        foreach (var name in DistributionSelection.Match(catalog, Name ?? ["*"], WriteError))
        {
            if (!_written.Add(name)) continue;
            if (DistributionSelection.Resolve(catalog, name, WriteError) is not { } resolved) continue;
            var output = PSObject.AsPSObject(DistributionListing.Describe(resolved));
            if (detailed) output.TypeNames.Insert(0, DetailTypeName);
            WriteObject(output);
        }
    }
}
