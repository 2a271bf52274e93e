using System.Management.Automation;
using Ocelot.Completion;
using Ocelot.Engine.Aws;
using Ocelot.Engine.Copying;
using Ocelot.Engine.Failures;
using Ocelot.Engine.Publishing;
using Ocelot.Engine.Rollout;
using Ocelot.Hosting;

namespace Ocelot.Commands;

/// <summary>
/// <para type="synopsis">Copies layer versions to other regions or another account without rebuilding them.</para>
/// </summary>
[Cmdlet(VerbsCommon.Copy, "OcelotLayer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.CmdletDocs + "Copy-OcelotLayer.md")]
[OutputType(typeof(OcelotLayerVersion))]
public sealed class CopyOcelotLayerCommand : OcelotMetadataCmdlet
{
    /// <summary>The layer versions to copy (bindable by property name from Get-OcelotLayer and Publish-OcelotLayer).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public string[] LayerVersionArn { get; set; } = [];

    /// <summary>The regions to copy to.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ArgumentCompleter(typeof(RegionCompleter))]
    public string[] Region { get; set; } = [];

    /// <summary>A profile for the account the copies go to (default: the source's credentials).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? TargetProfileName { get; set; }

    /// <summary>The target account's access key id (with -TargetSecretKey; kept in memory only).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? TargetAccessKey { get; set; }

    /// <summary>The target account's secret access key.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? TargetSecretKey { get; set; }

    /// <summary>The target account's session token, for temporary credentials.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? TargetSessionToken { get; set; }

    /// <summary>Share every copy with every AWS account.</summary>
    [Parameter]
    public SwitchParameter Public { get; set; }

    /// <summary>Share every copy with these account ids.</summary>
    [Parameter]
    public string[] Principal { get; set; } = [];

    /// <summary>Share every copy with this AWS Organizations organization (o-...).</summary>
    [Parameter]
    public string? OrganizationId { get; set; }

    /// <summary>Write each copy's ARN to the SSM parameter &lt;path&gt;/&lt;distribution&gt;/&lt;arch&gt;/&lt;release group&gt; in its region, in the target account.</summary>
    [Parameter]
    [ValidatePattern(@"\A(/[a-zA-Z0-9_.-]+)+/?\z")]
    public string? ParameterPath { get; set; }

    /// <summary>Target regions copied to at once.</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 8;

    /// <summary>Skips the confirmation prompt (-WhatIf still only reports).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    private readonly List<(Engine.Layers.LayerVersionArn Source, List<string> Regions)> _approved = [];
    private IReadOnlyList<string> _regions = [];
    private IReadOnlyList<SharingGrant> _sharing = [];

    protected override void BeginProcessing()
    {
        try
        {
            AwsConnection.ValidateEndpoint(EndpointUrl);
            _regions = Connection.ResolveRegions(Region);
            if (ParameterPath is not null) Engine.Parameters.LayerParameterStore.ValidatePath(ParameterPath);
            _sharing = LayerSharing.Requested(Public, Principal, OrganizationId);
            if (TargetProfileName is not null && TargetAccessKey is not null)
                throw new OcelotException(ErrorIds.CopyTargetInvalid, FailureKind.InvalidArgument, "Give -TargetProfileName or -TargetAccessKey, not both.",
                    "Use one way to name the target account's credentials.", "TargetProfileName");
            if ((TargetSecretKey ?? TargetSessionToken) is not null && TargetAccessKey is null)
                throw new OcelotException(ErrorIds.CopyTargetInvalid, FailureKind.InvalidArgument, "-TargetSecretKey and -TargetSessionToken need -TargetAccessKey.",
                    "Give the access key id too.", "TargetAccessKey");
        }
        catch (OcelotException ex)
        {
            ThrowTerminatingError(ErrorRecords.From(ex));
        }
    }

    protected override void ProcessRecord()
    {
        var whatIf = MyInvocation.BoundParameters.TryGetValue("WhatIf", out var value) && value is SwitchParameter { IsPresent: true };
        var account = TargetProfileName is not null ? $" (profile {TargetProfileName})" : TargetAccessKey is not null ? " (target keys)" : string.Empty;
        foreach (var text in LayerVersionArn)
        {
            Engine.Layers.LayerVersionArn source;
            try { source = Engine.Layers.LayerVersionArn.Parse(text); }
            catch (OcelotException ex) { ThrowTerminatingError(ErrorRecords.From(ex)); return; }
            if (_approved.Any(a => a.Source == source)) continue;
            var regions = _regions.Where(region => (Force && !whatIf) ||
                ShouldProcess($"{source.LayerName} in {region}{account}", $"Copy {source}" + (_sharing.Count > 0 ? $", shared with {string.Join(", ", _sharing.Select(s => s.Label))}" : string.Empty))).ToList();
            if (regions.Count > 0) _approved.Add((source, regions));
        }
    }

    protected override void EndProcessing()
    {
        if (_approved.Count == 0) return;
        var sameAccount = TargetProfileName is null && TargetAccessKey is null;
        var settings = new CopySettings
        {
            Source = Connection,
            Target = new TargetAccount(TargetProfileName, TargetAccessKey, TargetSecretKey, TargetSessionToken),
            Sharing = _sharing,
            SkipMetadata = SkipMetadata,
            MetadataTable = MetadataTable,
            MetadataRegion = MetadataRegion is not null ? AwsRegion.Validate(MetadataRegion) : sameAccount ? ResolveMetadataRegion(_regions[0]) : _regions[0],
            ThrottleLimit = ThrottleLimit,
        };
        IReadOnlyList<LayerCopyResult> results = [];
        using var copier = new LayerCopier(settings);
        var pump = new PipelinePump(this);
        try
        {
            pump.Run(async token => results = await copier.CopyAsync(_approved.Select(a => (a.Source, (IReadOnlyList<string>)a.Regions)).ToList(), pump, token).ConfigureAwait(false), Cancellation);
        }
        catch (OcelotException ex)
        {
            ThrowTerminatingError(ErrorRecords.From(ex));
        }
        foreach (var result in results)
        {
            if (result.Failure is not null) WriteError(ErrorRecords.From(result.Failure));
            if (result.Copy is not null) WriteObject(result.Copy);
        }
        if (ParameterPath is not null)
            LayerParameterSync.PointAt(this, Engine.Parameters.LayerParameterStore.ForTarget(Connection, settings.Target), Engine.Parameters.LayerParameterStore.ValidatePath(ParameterPath),
                results.Select(r => r.Copy).OfType<OcelotLayerVersion>().ToList(), Cancellation);
    }
}
