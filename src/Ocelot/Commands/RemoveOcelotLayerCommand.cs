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

    private readonly List<(LayerVersionReference Version, string Arn)> _approved = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private LayerUsageGuard? _usageGuard;

    protected override void ProcessRecord()
    {
        try
        {
            switch (ParameterSetName)
            {
                case ByInputObject:
                    foreach (var item in InputObject)
                        ConsiderChecked(() => LayerVersionIdentity.Resolve(item.LayerName, item.Version, item.Region, item.LayerVersionArn, "the piped layer version")
                            with { MetadataOnly = item.Status == LayerVersionStatus.Orphaned });
                    break;
                case ByProperties:
                    if (Region is { Length: > 1 })
                        throw new OcelotException(ErrorIds.RegionInvalid, FailureKind.InvalidArgument,
                            "Give exactly one -Region with -LayerName and -VersionNumber.", "Pipe Get-OcelotLayer output, or give one region.", "Region");
                    ConsiderChecked(() =>
                    {
                        var region = Region is { Length: 1 } one && !string.IsNullOrWhiteSpace(one[0]) ? AwsRegion.Validate(one[0]) : null;
                        return LayerVersionIdentity.Resolve(LayerName, VersionNumber, region, LayerVersionArn, "the layer version");
                    });
                    break;
                case ByPattern:
                    var query = LayerSelection.Query(Pattern, AllRegions ? null : Region, AllRegions, MetadataTable, ResolveMetadataRegion, Connection, ThrottleLimit)
                        with { SkipMetadata = true };
                    foreach (var version in LayerSelection.List(this, query, Cancellation))
                        Consider(new LayerVersionReference(version.LayerName, version.Version, version.Region, version.LayerVersionArn));
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
            new PipelinePump(this).Run(async token => arn = await Engine.Inventory.LayerVersionIdentity.LookUpAsync(version, Connection, token).ConfigureAwait(false), Cancellation);
        }
        catch (OcelotException ex)
        {
            WriteError(ErrorRecords.From(ex));
            return null;
        }
        return arn;
    }

    /// <summary>One object that does not identify exactly one version is refused on its own; the others go on.</summary>
    private void ConsiderChecked(Func<LayerVersionReference> resolve)
    {
        LayerVersionReference version;
        try
        {
            version = resolve();
        }
        catch (OcelotException ex)
        {
            WriteError(ErrorRecords.From(ex));
            return;
        }
        // -WhatIf and -Confirm name the version ARN whatever the input was: a name and number are looked up first.
        if (version.LayerVersionArn is null && !version.MetadataOnly)
        {
            if (LookUpArn(version) is not { } found) return;
            version = version with { LayerVersionArn = found };
        }
        Consider(version);
    }

    private void Consider(LayerVersionReference version)
    {
        var target = version.LayerVersionArn ?? $"{version.LayerName}:{version.Version} ({version.Region})";
        if (!_seen.Add(target)) return;
        _usageGuard ??= new LayerUsageGuard(this, Connection, Cancellation);
        if (!version.MetadataOnly && !SkipUsageCheck && _usageGuard.Keeps(version.Region, version.LayerName, version.Version, version.LayerVersionArn, target)) return;
        var action = version.MetadataOnly ? "Remove the orphaned metadata item (the layer version no longer exists)"
            : "Delete layer version" + (SkipMetadata ? string.Empty : " and its metadata item");
        if (Confirmation.ShouldProceed(this, Force, target, action))
            _approved.Add((version, target));
    }

    protected override void EndProcessing()
    {
        if (_approved.Count == 0) return;
        string metadataRegion;
        try
        {
            AwsConnection.ValidateEndpoint(EndpointUrl);
            if (ParameterPath is not null) Engine.Parameters.LayerParameterStore.ValidatePath(ParameterPath);
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
        if (ParameterPath is not null)
            LayerParameterSync.Repoint(this, Engine.Parameters.LayerParameterStore.For(Connection), Engine.Parameters.LayerParameterStore.ValidatePath(ParameterPath),
                results.Where(r => r.Removal.Removed).Select(r => (r.Removal.Region, r.Removal.LayerName, r.Removal.Version)).ToList(), Cancellation);
        foreach (var result in results)
        {
            if (result.Failure is not null) WriteError(ErrorRecords.From(result.Failure));
            if (!PassThru) continue;
            WriteObject(result.Removal);
        }
    }
}
