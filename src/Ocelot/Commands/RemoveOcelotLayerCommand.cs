using System.Management.Automation;
using Ocelot.Completion;
using Ocelot.Engine.Aws;
using Ocelot.Engine.Aws.Metadata;
using Ocelot.Engine.Failures;
using Ocelot.Engine.Inventory;
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

    /// <summary>With -LayerName/-Version: the version's region (by property name). With -Pattern: the regions to search.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByProperties)]
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

    /// <summary>Write one result per version: removed, metadata removed, error.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Regions worked on at once (each region is also paced under Lambda's request rate).</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 12;

    private readonly List<(LayerVersionReference Version, string Arn)> _approved = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    protected override void ProcessRecord()
    {
        try
        {
            switch (ParameterSetName)
            {
                case ByInputObject:
                    foreach (var item in InputObject) Consider(Engine.Inventory.LayerVersionArn.Check(item.LayerVersionArn, item.LayerName, item.Version, item.Region), item.LayerVersionArn);
                    break;
                case ByProperties:
                    var region = AwsRegion.Validate(Region is { Length: 1 } one ? one[0] : throw new OcelotException(ErrorIds.RegionInvalid, FailureKind.InvalidArgument,
                        "Give exactly one -Region with -LayerName and -VersionNumber.", "Pipe Get-OcelotLayer output, or give one region.", "Region"));
                    var named = new LayerVersionReference(LayerName!, VersionNumber, region);
                    if (LayerVersionArn is { Length: > 0 } arn) Consider(Engine.Inventory.LayerVersionArn.Check(arn, LayerName, VersionNumber, region), arn);
                    else if (LookUpArn(named) is { } found) Consider(named, found);
                    break;
                case ByPattern:
                    var query = LayerSelection.Query(Pattern, AllRegions ? null : Region, AllRegions, MetadataTable, ResolveMetadataRegion, Connection, ThrottleLimit)
                        with { SkipMetadata = true };
                    foreach (var version in LayerSelection.List(this, query, Cancellation))
                        Consider(new LayerVersionReference(version.LayerName, version.Version, version.Region), version.LayerVersionArn);
                    break;
            }
        }
        catch (OcelotException ex)
        {
            ThrowTerminatingError(ErrorRecords.From(ex));
        }
    }

    /// <summary>-WhatIf and -Confirm name the version ARN whatever the input was, so a name and number are looked up first.</summary>
    private string? LookUpArn(LayerVersionReference version)
    {
        string? arn = null;
        try
        {
            new PipelinePump(this).Run(async token => arn = await Engine.Inventory.LayerVersionArn.LookUpAsync(version, Connection, token).ConfigureAwait(false), Cancellation);
        }
        catch (OcelotException ex)
        {
            WriteError(ErrorRecords.From(ex));
        }
        return arn;
    }

    private void Consider(LayerVersionReference version, string arn)
    {
        if (!_seen.Add(arn)) return;
        if (Confirmation.ShouldProceed(this, Force, arn, "Delete layer version" + (SkipMetadata ? string.Empty : " and its metadata item")))
            _approved.Add((version, arn));
    }

    protected override void EndProcessing()
    {
        if (_approved.Count == 0) return;
        string metadataRegion;
        try
        {
            metadataRegion = ResolveMetadataRegion(_approved[0].Version.Region);
        }
        catch (OcelotException ex)
        {
            ThrowTerminatingError(ErrorRecords.From(ex));
            return;
        }
        var remover = new LayerRemover(Connection, MetadataTable, metadataRegion, SkipMetadata, ThrottleLimit);
        IReadOnlyList<LayerRemoval> results = [];
        var pump = new PipelinePump(this);
        pump.Run(async token => results = await remover.RemoveAsync(_approved.Select(a => a.Version).ToList(), pump, token).ConfigureAwait(false), Cancellation);
        foreach (var result in results)
        {
            if (result.Failure is not null) WriteError(ErrorRecords.From(result.Failure));
            if (!PassThru) continue;
            WriteObject(new OcelotLayerRemoval
            {
                LayerName = result.Version.LayerName,
                Version = result.Version.Version,
                Region = result.Version.Region,
                LayerVersionArn = result.LayerVersionArn,
                Removed = result.Removed,
                MetadataRemoved = result.MetadataRemoved,
                Error = result.Failure?.Message,
            });
        }
    }
}
