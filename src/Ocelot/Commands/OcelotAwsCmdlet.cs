using System.Management.Automation;
using Ocelot.Completion;
using Ocelot.Engine.Aws;
using Ocelot.Engine.Aws.Metadata;
using Ocelot.Engine.Failures;
using Ocelot.Hosting;

namespace Ocelot.Commands;

/// <summary>
/// The parameters every Ocelot cmdlet that talks to AWS shares (named as in AWS Tools for PowerShell, so muscle memory
/// carries over), and the cancellation that Ctrl-C triggers.
/// </summary>
public abstract class OcelotAwsCmdlet : PSCmdlet
{
    /// <summary>A profile from the shared AWS config and credentials files; default: AWS_PROFILE, else the default profile.</summary>
    [Parameter]
    [Alias("StoredCredentials", "AWSProfileName")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completion.ProfileNameCompleter))]
    public string? ProfileName { get; set; }

    /// <summary>The shared credentials file to read profiles from; default: AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/credentials.</summary>
    [Parameter]
    [Alias("AWSProfilesLocation", "ProfilesLocation")]
    [ValidateNotNullOrEmpty]
    public string? ProfileLocation { get; set; }

    /// <summary>An AWS access key id (with -SecretKey); wins over -ProfileName and the environment.</summary>
    [Parameter]
    [Alias("AK")]
    [ValidateNotNullOrEmpty]
    public string? AccessKey { get; set; }

    /// <summary>The secret access key for -AccessKey. Never written to any stream.</summary>
    [Parameter]
    [Alias("SK", "SecretAccessKey")]
    [ValidateNotNullOrEmpty]
    public string? SecretKey { get; set; }

    /// <summary>The session token of temporary credentials given with -AccessKey and -SecretKey. Never written to any stream.</summary>
    [Parameter]
    [Alias("ST")]
    [ValidateNotNullOrEmpty]
    public string? SessionToken { get; set; }

    /// <summary>An endpoint override for every AWS service used; default: AWS_ENDPOINT_URL_&lt;SERVICE&gt; / AWS_ENDPOINT_URL.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? EndpointUrl { get; set; }

    private protected CancellationTokenSource Cancellation { get; } = new();

    private AwsConnection? _connection;

    /// <summary>Resolved once per command, in BeginProcessing: a missing profile is one error before any work.</summary>
    private protected AwsConnection Connection => _connection ??= new AwsConnection(ProfileName, EndpointUrl)
    {
        ProfileLocation = ProfileLocation is null ? null : GetUnresolvedProviderPathFromPSPath(ProfileLocation),
        AccessKey = AccessKey,
        SecretKey = SecretKey,
        SessionToken = SessionToken,
    }.Resolve();

    protected override void BeginProcessing()
    {
        try
        {
            _ = Connection;
        }
        catch (OcelotException ex)
        {
            ThrowTerminatingError(ErrorRecords.From(ex));
        }
    }

    protected override void StopProcessing() => Cancellation.Cancel();
}

/// <summary>An AWS cmdlet that also reads or writes the metadata table.</summary>
public abstract class OcelotMetadataCmdlet : OcelotAwsCmdlet
{
    /// <summary>The DynamoDB table of layer metadata (default ocelot-layers).</summary>
    [Parameter]
    [ValidatePattern(@"\A[a-zA-Z0-9_.-]{3,255}\z")]
    public string MetadataTable { get; set; } = MetadataTableSchema.DefaultTableName;

    /// <summary>The metadata table's region; default: the SDK's region, else the first region the command works in.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(RegionCompleter))]
    public string? MetadataRegion { get; set; }

    /// <summary>Do not read or write the metadata table.</summary>
    [Parameter]
    public SwitchParameter SkipMetadata { get; set; }

    private protected string ResolveMetadataRegion(string fallback) =>
        MetadataRegion is not null ? AwsRegion.Validate(MetadataRegion) : Connection.DefaultRegion() ?? fallback;
}
