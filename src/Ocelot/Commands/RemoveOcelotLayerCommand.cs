using System.Management.Automation;
using Ocelot.Completion;
using Ocelot.Engine.Aws;
using Ocelot.Engine.Inventory;
using Ocelot.Engine.Parameters;
using Ocelot.Hosting;

namespace Ocelot.Commands;

/// <summary>
/// <para type="synopsis">Deletes layer versions and their metadata items.</para>
/// </summary>
[Cmdlet(VerbsCommon.Remove, "OcelotLayer", DefaultParameterSetName = ByInputObject, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = HelpLinks.CmdletDocs + "Remove-OcelotLayer.md")]
[OutputType(typeof(OcelotLayerRemoval))]
public sealed class RemoveOcelotLayerCommand : OcelotMetadataCmdlet
{
    private const string ByInputObject = "InputObject";
    private const string ByProperties = "Properties";
    private const string ByPattern = "Pattern";

    /// <summary>Layer versions from Get-OcelotLayer or Publish-OcelotLayer.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByInputObject)]
    public OcelotLayerVersion[] InputObject { get; set; } = [];

    /// <summary>The full layer name (with -VersionNumber and -Region; bindable by property name).</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByProperties)]
    [ValidatePattern(@"\A[a-zA-Z0-9_-]{1,140}\z")]
    public string? LayerName { get; set; }

    /// <summary>The version number to delete (binds from a Version property too).</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByProperties)]
    [Alias("Version")]
    [ValidateRange(1, long.MaxValue)]
    public long VersionNumber { get; set; }

    /// <summary>By property name (e.g. from Import-Csv): the version's ARN, which must agree with -LayerName, -VersionNumber and -Region.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByProperties)]
    public string? LayerVersionArn { get; set; }

    /// <summary>With -LayerName/-Version: the version's region (by property name; required, never the default region). With -Pattern: the regions to search.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByProperties)]
    [Parameter(ParameterSetName = ByPattern)]
    [ArgumentCompleter(typeof(RegionCompleter))]
    public string[]? Region { get; set; }

    /// <summary>Every version of the layers whose names match (wildcards).</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByPattern)]
    [SupportsWildcards]
    public string[] Pattern { get; set; } = [];

    /// <summary>With -Pattern: search every commercial region.</summary>
    [Parameter(ParameterSetName = ByPattern)]
    public SwitchParameter AllRegions { get; set; }

    /// <summary>Skips the confirmation prompt; -WhatIf and $WhatIfPreference still hold.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Delete versions that functions still use (by default such a version is kept, with a warning naming them).</summary>
    [Parameter]
    public SwitchParameter SkipUsageCheck { get; set; }

    /// <summary>Point the SSM parameters under this path that named a deleted version at the newest remaining one (or delete them).</summary>
    [Parameter]
    [ValidatePattern(@"\A(/[a-zA-Z0-9_.-]+)+/?\z")]
    public string? ParameterPath { get; set; }

    /// <summary>Write one result per version: removed, metadata removed, error.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Regions worked on at once (each region is also paced under Lambda's request rate).</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 12;

    private readonly List<LayerVersionReference> _approved = [];
    private object? _planner;

    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case ByInputObject:
                foreach (var item in InputObject)
                    if (Try(() => LayerRemovalPlanner.Piped(item.LayerName, item.Version, item.Region, item.LayerVersionArn,
                            orphaned: item.Status == LayerVersionStatus.Orphaned), OnFailure.WriteError, out var piped))
                        Consider(piped);
                break;
            case ByProperties:
                if (Region is { Length: > 1 })
                    Fail(new OcelotException(ErrorIds.RegionInvalid, FailureKind.InvalidArgument,
                        "Give exactly one -Region with -LayerName and -VersionNumber.", "Pipe Get-OcelotLayer output, or give one region.", "Region"), OnFailure.Stop);
                if (Try(() => LayerRemovalPlanner.Named(LayerName, VersionNumber, Region?.FirstOrDefault(), LayerVersionArn), OnFailure.WriteError, out var named))
                    Consider(named);
                break;
            case ByPattern:
                foreach (var version in ListLayers(LayerQuery(Pattern, Region, AllRegions, ThrottleLimit) with { SkipMetadata = true }))
                    Consider(new LayerVersionReference(version.LayerName, version.Version, version.Region, version.LayerVersionArn));
                break;
        }
    }

    /// <summary>-WhatIf and -Confirm name the version ARN whatever the input was; a version functions still use is kept, with a warning.</summary>
    private void Consider(LayerVersionReference version)
    {
        var planner = (LayerRemovalPlanner)(_planner ??= new LayerRemovalPlanner(Connection, checkUsage: !SkipUsageCheck, SkipMetadata));
        if (!Run((_, token) => planner.ConsiderAsync(version, token), OnFailure.WriteError, out var decision)) return;
        WriteFailures(decision.Failures);
        if (decision.KeptBecause is not null) WriteWarning($"{decision.KeptBecause} Give -SkipUsageCheck to delete it anyway.");
        if (decision.Candidate is { } candidate && ShouldChange(candidate.Target, candidate.Action, Force)) _approved.Add(candidate.Version);
    }

    protected override void EndProcessing()
    {
        if (_approved.Count == 0) return;
        Try(() =>
        {
            AwsConnection.ValidateEndpoint(EndpointUrl);
            return (ParameterPath: ParameterPath is null ? null : LayerParameterStore.ValidatePath(ParameterPath), MetadataRegion: ResolveMetadataRegion(_approved[0].Region));
        }, OnFailure.Stop, out var checkedInput);
        var remover = new LayerRemover(Connection, MetadataTable, checkedInput.MetadataRegion, SkipMetadata, ThrottleLimit);
        Run((pump, token) => remover.RemoveAsync(_approved, pump, token), OnFailure.Stop, out var results);
        if (checkedInput.ParameterPath is { } path)
            RepointParameters(LayerParameterStore.For(Connection), path, results.Where(r => r.Removal.Removed).Select(r => (r.Removal.Region, r.Removal.LayerName, r.Removal.Version)).ToList());
        foreach (var result in results)
        {
            if (result.Failure is not null) Fail(result.Failure, OnFailure.WriteError);
            if (!PassThru) continue;
            WriteObject(result.Removal);
        }
    }
}
