using System.Management.Automation;
using Ocelot.Completion;
using Ocelot.Hosting;

namespace Ocelot.Commands;

/// <summary>
/// <para type="synopsis">Lists published layer versions across regions, enriched with their Ocelot metadata.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "OcelotLayer", DefaultParameterSetName = ByRegion, HelpUri = HelpLinks.CmdletDocs + "Get-OcelotLayer.md")]
[OutputType(typeof(OcelotLayerVersion))]
public sealed class GetOcelotLayerCommand : OcelotMetadataCmdlet
{
    private const string ByRegion = "Region";
    private const string EveryRegion = "AllRegions";

    /// <summary>Full layer names, or wildcards on them (default *).</summary>
    [Parameter(Position = 0)]
    [Alias("LayerName")]
    [SupportsWildcards]
    public string[] Pattern { get; set; } = ["*"];

    /// <summary>Regions to list; default: AWS_REGION, else AWS_DEFAULT_REGION, else the profile's region.</summary>
    [Parameter(ParameterSetName = ByRegion)]
    [ArgumentCompleter(typeof(RegionCompleter))]
    public string[]? Region { get; set; }

    /// <summary>Every commercial region the SDK knows; regions not enabled for the account are skipped with a warning.</summary>
    [Parameter(Mandatory = true, ParameterSetName = EveryRegion)]
    public SwitchParameter AllRegions { get; set; }

    /// <summary>Only versions of this distribution (from the metadata table, else from the layer name).</summary>
    [Parameter]
    [ArgumentCompleter(typeof(DistributionNameCompleter))]
    public string? Distribution { get; set; }

    /// <summary>Only amd64 or only arm64 versions.</summary>
    [Parameter]
    [ValidateSet("amd64", "arm64")]
    public string? Architecture { get; set; }

    /// <summary>Only the newest version of each layer.</summary>
    [Parameter]
    public SwitchParameter Latest { get; set; }

    /// <summary>Every version except the n newest of each layer: what a prune removes.</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int? SkipLatest { get; set; }

    /// <summary>Only versions created before this time (applied after -Latest and -SkipLatest).</summary>
    [Parameter]
    public DateTime? CreatedBefore { get; set; }

    /// <summary>Read CodeSha256 and CodeSize of each version (one GetLayerVersion call each).</summary>
    [Parameter]
    public SwitchParameter IncludeContent { get; set; }

    /// <summary>List the functions that use each version (UsedBy; one paged ListFunctions per region).</summary>
    [Parameter]
    public SwitchParameter IncludeUsage { get; set; }

    /// <summary>List metadata items whose layer version no longer exists in Lambda (Status Orphaned); pipe them to Remove-OcelotLayer to remove only the items.</summary>
    [Parameter]
    public SwitchParameter Orphaned { get; set; }

    /// <summary>Regions listed at once (each region is also paced under Lambda's request rate).</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 12;

    protected override void EndProcessing()
    {
        if (Latest && SkipLatest is not null)
            Fail(new OcelotException(ErrorIds.ReportInputInvalid, FailureKind.InvalidArgument, "-Latest and -SkipLatest cannot be used together.",
                "Use -Latest to see the newest versions, or -SkipLatest n to see what a prune keeping n would remove.", "SkipLatest"), OnFailure.Stop);
        if (Orphaned && (SkipMetadata || Latest || SkipLatest is not null || CreatedBefore is not null || IncludeContent))
            Fail(new OcelotException(ErrorIds.ReportInputInvalid, FailureKind.InvalidArgument,
                "-Orphaned lists metadata items without a layer version: it cannot be combined with -SkipMetadata, -Latest, -SkipLatest, -CreatedBefore or -IncludeContent.",
                "Use -Orphaned with -Pattern, -Region or -AllRegions, -Distribution and -Architecture only.", "Orphaned"), OnFailure.Stop);
        var query = LayerQuery(Pattern, Region, AllRegions, ThrottleLimit) with
        {
            Distribution = Distribution,
            Architecture = Architecture,
            Latest = Latest,
            SkipLatest = SkipLatest,
            CreatedBefore = CreatedBefore is { } before ? new DateTimeOffset(before.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(before, DateTimeKind.Local) : before) : null,
            IncludeContent = IncludeContent,
            SkipMetadata = SkipMetadata,
        };
        var versions = ListLayers(query, Orphaned);
        if (IncludeUsage) versions = WithUsage(versions, ThrottleLimit);
        foreach (var version in versions) WriteObject(version);
    }
}
