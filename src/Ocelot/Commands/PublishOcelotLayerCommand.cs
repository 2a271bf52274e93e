using System.Management.Automation;
using Ocelot.Completion;
using Ocelot.Engine.Aws;
using Ocelot.Engine.Parameters;
using Ocelot.Engine.Publishing;
using Ocelot.Hosting;

namespace Ocelot.Commands;

/// <summary>
/// <para type="synopsis">Publishes layer zips as Lambda layer versions in one or more regions, reusing identical versions, and records them in DynamoDB.</para>
/// </summary>
[Cmdlet(VerbsData.Publish, "OcelotLayer", DefaultParameterSetName = ByArtifact, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.CmdletDocs + "Publish-OcelotLayer.md")]
[OutputType(typeof(OcelotLayerVersion))]
public sealed class PublishOcelotLayerCommand : OcelotLayerWriteCmdlet
{
    private const string ByArtifact = "Artifact";
    private const string ByPath = "Path";

    /// <summary>Layer artifacts from Invoke-OcelotBuild.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByArtifact)]
    public OcelotLayerArtifact? InputObject { get; set; }

    /// <summary>The layer zip to publish (instead of piping an artifact).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ByPath)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>With -Path: the distribution the zip was built from (part of the layer name).</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByPath)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completion.DistributionNameCompleter))]
    public string? Distribution { get; set; }

    /// <summary>With -Path: amd64 or arm64 (part of the layer name; amd64 is x86_64 to Lambda).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPath)]
    [ValidateSet("amd64", "arm64")]
    public string? Architecture { get; set; }

    /// <summary>With -Path: the collector version (e.g. v0.158.0), the version part of the layer name.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPath)]
    public string? CollectorVersion { get; set; }

    /// <summary>With -Path: the build tags, listed in the layer description.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPath)]
    public string[] BuildTags { get; set; } = [];

    /// <summary>With -Path: the distribution description recorded in the metadata table.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPath)]
    public string? DistributionDescription { get; set; }

    /// <summary>With -Path: the upstream repository the zip was built from (recorded in the metadata table).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPath)]
    public string? UpstreamRepo { get; set; }

    /// <summary>With -Path: the upstream commit the zip was built from (recorded in the metadata table).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPath)]
    public string? UpstreamCommit { get; set; }

    /// <summary>Default: -Region, else AWS_REGION, AWS_DEFAULT_REGION, the profile's region.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(RegionCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Region { get; set; }

    /// <summary>The first part of the layer name, before the architecture (default ocel).</summary>
    [Parameter]
    [ValidatePattern(@"\A[a-zA-Z0-9_-]{1,100}\z")]
    public string LayerNameBase { get; set; } = Engine.Layers.LayerName.DefaultBase;

    /// <summary>The last part of the layer name (default prod), e.g. beta or dev.</summary>
    [Parameter]
    [ValidatePattern(@"\A[a-zA-Z0-9_.-]{1,40}\z")]
    public string ReleaseGroup { get; set; } = Engine.Layers.LayerName.DefaultReleaseGroup;

    /// <summary>Replaces the version part of the layer name (default: the collector version, e.g. 0_158_0).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? LayerNameVersion { get; set; }

    /// <summary>Up to 15 runtimes the layer declares (for filtering only).</summary>
    [Parameter]
    [ValidateCount(0, 15)]
    [ArgumentCompleter(typeof(Completion.CompatibleRuntimeCompleter))]
    public string[] CompatibleRuntime { get; set; } = [];

    /// <summary>The layer's licence (default Apache-2.0, the collector's).</summary>
    [Parameter]
    [ValidateLength(1, 512)]
    public string LicenseInfo { get; set; } = "Apache-2.0";

    /// <summary>Stage the zip in S3: one bucket, a template with {region}, or one bucket per region.</summary>
    [Parameter]
    public string[] S3Bucket { get; set; } = [];

    /// <summary>Keep the zip staged in S3 after publishing.</summary>
    [Parameter]
    public SwitchParameter KeepStagedObject { get; set; }

    /// <summary>Publish a new version even when one with the same content (md5) exists, instead of reusing it.</summary>
    [Parameter]
    public SwitchParameter AllowDuplicate { get; set; }

    /// <summary>Regions published at once.</summary>
    [Parameter]
    [ValidateRange(1, 32)]
    public int ThrottleLimit { get; set; } = 8;

    private LayerPublisher? _publisher;

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        Try(() =>
        {
            AwsConnection.ValidateEndpoint(EndpointUrl);
            var regions = Connection.ResolveRegions(Region);
            _publisher = new LayerPublisher(new PublishSettings
            {
                Connection = Connection, LayerNameBase = LayerNameBase, ReleaseGroup = ReleaseGroup, LayerNameVersion = LayerNameVersion,
                CompatibleRuntimes = CompatibleRuntime, LicenseInfo = LicenseInfo, AllowDuplicate = AllowDuplicate,
                Sharing = RequestedSharing(), S3Buckets = S3Bucket, KeepStagedObject = KeepStagedObject,
                SkipMetadata = SkipMetadata, MetadataTable = MetadataTable, MetadataRegion = ResolveMetadataRegion(regions[0]),
                Regions = regions, ParameterPath = CheckedParameterPath(), Environment = Settings, OcelotVersion = ModuleVersion,
            });
        }, OnFailure.Stop);
    }

    protected override void ProcessRecord()
    {
        var settings = _publisher!.Settings;
        // Bad input for this artifact stops the command: nothing was sent to AWS.
        Try(() => PublishPlan.Create(InputObject ?? PublishPlan.DescribeZip(GetUnresolvedProviderPathFromPSPath(Path!), Distribution!, Architecture, CollectorVersion,
            BuildTags, DistributionDescription, UpstreamRepo, UpstreamCommit), settings), OnFailure.Stop, out var plan);
        var approved = settings.Regions.Where(region => ShouldChange(plan.Target(region), plan.Summary(region, settings), Force)).ToList();
        if (approved.Count == 0) return;

        WriteProgress(new ProgressRecord(1, $"Publishing {plan.Name.Name}", $"{approved.Count} region(s)"));
        // A preflight failure stops the command: nothing was published in any region.
        Run((pump, token) => _publisher.PublishAsync(plan, approved, ThrottleLimit, pump, token), OnFailure.Stop, out var results);
        WriteProgress(new ProgressRecord(1, $"Publishing {plan.Name.Name}", "done") { RecordType = ProgressRecordType.Completed });
        foreach (var result in results)
        {
            if (result.Version is not null) WriteObject(result.Version);
            if (result.Failure is not null) Fail(result.Failure, OnFailure.WriteError);
        }
        if (settings.ParameterPath is { } parameterPath)
            PointParametersAt(LayerParameterStore.For(Connection), parameterPath, results.Select(r => r.Version).OfType<OcelotLayerVersion>().ToList());
    }
}
