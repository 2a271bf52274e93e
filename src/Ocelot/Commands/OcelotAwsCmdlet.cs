using System.Management.Automation;
using Ocelot.Completion;
using Ocelot.Engine.Aws;
using Ocelot.Engine.Aws.Metadata;

namespace Ocelot.Commands;

/// <summary>
/// The parameters every Ocelot cmdlet that talks to AWS shares (named as in AWS Tools for PowerShell, so muscle memory
/// carries over), and the cancellation that Ctrl-C triggers.
/// </summary>
public abstract class OcelotAwsCmdlet : PSCmdlet
{
    /// <summary>A profile from the shared AWS config and credentials files; default: the SDK's credential chain.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completion.ProfileNameCompleter))]
    public string? ProfileName { get; set; }

    /// <summary>An endpoint override for every AWS service used; default: AWS_ENDPOINT_URL_&lt;SERVICE&gt; / AWS_ENDPOINT_URL.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? EndpointUrl { get; set; }

    private protected CancellationTokenSource Cancellation { get; } = new();

    private protected AwsConnection Connection => new(ProfileName, EndpointUrl);

    protected override void StopProcessing() => Cancellation.Cancel();
}

/// <summary>An AWS cmdlet that also reads or writes the metadata table.</summary>
public abstract class OcelotMetadataCmdlet : OcelotAwsCmdlet
{
    /// <summary>The DynamoDB table of layer metadata (default ocelot-layers).</summary>
    [Parameter]
    [ValidatePattern("^[a-zA-Z0-9_.-]{3,255}$")]
    public string MetadataTable { get; set; } = MetadataTableSchema.DefaultTableName;

    /// <summary>The metadata table's region; default: the SDK's region, else the first region the command works in.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(RegionCompleter))]
    public string? MetadataRegion { get; set; }

    /// <summary>Do not read or write the metadata table.</summary>
    [Parameter]
    public SwitchParameter SkipMetadata { get; set; }

    private protected string ResolveMetadataRegion(string fallback) =>
        MetadataRegion is not null ? AwsRegion.Validate(MetadataRegion) : AwsConnection.DefaultRegion() ?? fallback;
}
