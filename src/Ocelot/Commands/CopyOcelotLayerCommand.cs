using System.Management.Automation;
using Ocelot.Completion;
using Ocelot.Engine.Aws;
using Ocelot.Engine.Copying;
using Ocelot.Engine.Parameters;
using Ocelot.Engine.Publishing;
using Ocelot.Engine.Layers;
using Ocelot.Engine.Rollout;
using Ocelot.Hosting;

namespace Ocelot.Commands;

/// <summary>
/// <para type="synopsis">Copies layer versions to other regions or another account without rebuilding them.</para>
/// </summary>
[Cmdlet(VerbsCommon.Copy, "OcelotLayer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.CmdletDocs + "Copy-OcelotLayer.md")]
[OutputType(typeof(OcelotLayerVersion))]
public sealed class CopyOcelotLayerCommand : OcelotLayerWriteCmdlet
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

    /// <summary>Target regions copied to at once.</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 8;

    private readonly List<(LayerVersionArn Source, List<string> Regions)> _approved = [];
    private IReadOnlyList<string> _regions = [];
    private IReadOnlyList<SharingGrant> _sharing = [];
    private string? _parameterPath;

    protected override void BeginProcessing() => Try(() =>
    {
        AwsConnection.ValidateEndpoint(EndpointUrl);
        _regions = Connection.ResolveRegions(Region);
        _parameterPath = CheckedParameterPath();
        _sharing = RequestedSharing();
        if (TargetProfileName is not null && TargetAccessKey is not null)
            throw new OcelotException(ErrorIds.CopyTargetInvalid, FailureKind.InvalidArgument, "Give -TargetProfileName or -TargetAccessKey, not both.",
                "Use one way to name the target account's credentials.", "TargetProfileName");
        if ((TargetSecretKey ?? TargetSessionToken) is not null && TargetAccessKey is null)
            throw new OcelotException(ErrorIds.CopyTargetInvalid, FailureKind.InvalidArgument, "-TargetSecretKey and -TargetSessionToken need -TargetAccessKey.",
                "Give the access key id too.", "TargetAccessKey");
    }, OnFailure.Stop);

    protected override void ProcessRecord()
    {
        var account = TargetProfileName is not null ? $" (profile {TargetProfileName})" : TargetAccessKey is not null ? " (target keys)" : string.Empty;
        var sharing = _sharing.Count > 0 ? $", shared with {string.Join(", ", _sharing.Select(s => s.Label))}" : string.Empty;
        foreach (var text in LayerVersionArn)
        {
            Try(() => Engine.Layers.LayerVersionArn.Parse(text), OnFailure.Stop, out var source);
            if (_approved.Any(a => a.Source == source)) continue;
            var regions = _regions.Where(region => ShouldChange($"{source.LayerName} in {region}{account}", $"Copy {source}{sharing}", Force)).ToList();
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
        using var copier = new LayerCopier(settings);
        Run((pump, token) => copier.CopyAsync(_approved.Select(a => (a.Source, (IReadOnlyList<string>)a.Regions)).ToList(), pump, token), OnFailure.Stop, out var results);
        foreach (var result in results)
        {
            if (result.Failure is not null) Fail(result.Failure, OnFailure.WriteError);
            if (result.Copy is not null) WriteObject(result.Copy);
        }
        if (_parameterPath is not null)
            PointParametersAt(LayerParameterStore.ForTarget(Connection, settings.Target), _parameterPath, results.Select(r => r.Copy).OfType<OcelotLayerVersion>().ToList());
    }
}
