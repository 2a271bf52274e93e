using System.Management.Automation;
using Ocelot.Completion;
using Ocelot.Engine.Publishing;
using Ocelot.Engine.Reports;
using Ocelot.Hosting;

namespace Ocelot.Commands;

/// <summary>
/// <para type="synopsis">Turns layer versions (from Get-OcelotLayer or Publish-OcelotLayer) into a report: Markdown, release notes, JSON or Terraform.</para>
/// </summary>
[Cmdlet(VerbsData.ConvertTo, "OcelotReport", HelpUri = HelpLinks.CmdletDocs + "ConvertTo-OcelotReport.md")]
[OutputType(typeof(string))]
public sealed class ConvertToOcelotReportCommand : OcelotCmdlet
{
    /// <summary>Layer versions, from Get-OcelotLayer or Publish-OcelotLayer (also read back by Import-Clixml or Import-Csv).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    [AllowEmptyCollection]
    public PSObject[] InputObject { get; set; } = [];

    /// <summary>Markdown (the layers report), ReleaseNotes, Json, or Terraform (a locals block of ARNs).</summary>
    [Parameter(Position = 0)]
    [ValidateSet("Markdown", "ReleaseNotes", "Json", "Terraform")]
    public string Format { get; set; } = "Markdown";

    /// <summary>ReleaseNotes: the distribution the notes are for.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(DistributionNameCompleter))]
    public string? Distribution { get; set; }

    /// <summary>ReleaseNotes: the collector version (e.g. v0.158.0).</summary>
    [Parameter]
    public string? CollectorVersion { get; set; }

    /// <summary>ReleaseNotes: only layers of this release group.</summary>
    [Parameter]
    public string? ReleaseGroup { get; set; }

    /// <summary>ReleaseNotes: the build tags to list (comma-separated or an array).</summary>
    [Parameter]
    public string[] BuildTags { get; set; } = [];

    /// <summary>Markdown: the "Generated on" time (default: now).</summary>
    [Parameter]
    public DateTime? GeneratedOn { get; set; }

    /// <summary>Also append the report to the GitHub Actions step summary ($env:GITHUB_STEP_SUMMARY).</summary>
    [Parameter]
    public SwitchParameter AppendToStepSummary { get; set; }

    private readonly List<OcelotLayerVersion> _versions = [];

    protected override void ProcessRecord()
    {
        foreach (var item in InputObject)
            if (Try(() => LayerVersionInput.Read(item), OnFailure.WriteError, out var version)) _versions.Add(version);
    }

    protected override void EndProcessing()
    {
        var format = Enum.Parse<ReportFormat>(Format, ignoreCase: true);
        if (format == ReportFormat.ReleaseNotes && (Distribution is null || CollectorVersion is null))
            ThrowTerminatingError(ErrorRecords.Create(new ArgumentException("-Format ReleaseNotes needs -Distribution and -CollectorVersion."),
                ErrorIds.ReportInputInvalid, FailureKind.InvalidArgument, Format, "Give -Distribution and -CollectorVersion (and usually -ReleaseGroup)."));
        var report = format switch
        {
            ReportFormat.Markdown => LayerReport.Markdown(_versions, GeneratedOn is { } at ? new DateTimeOffset(at) : DateTimeOffset.Now),
            ReportFormat.ReleaseNotes => LayerReport.ReleaseNotes(_versions, Distribution!, CollectorVersion!, ReleaseGroup, string.Join(",", BuildTags)),
            ReportFormat.Json => LayerReport.Json(_versions),
            _ => LayerReport.Terraform(_versions),
        };
        if (AppendToStepSummary)
        {
            if (Settings.StepSummaryFile is not { } summary) WriteWarning("GITHUB_STEP_SUMMARY is not set: the report was not appended to a step summary.");
            else Try(() => StepSummary.Append(summary, report), OnFailure.WriteError);
        }
        WriteObject(report);
    }
}
