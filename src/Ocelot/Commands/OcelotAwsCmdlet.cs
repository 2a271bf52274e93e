using System.Management.Automation;
using Ocelot.Completion;
using Ocelot.Engine.Aws;
using Ocelot.Engine.Parameters;
using Ocelot.Hosting;

namespace Ocelot.Commands;

/// <summary>
/// The parameters every Ocelot cmdlet that talks to AWS shares (named as in AWS Tools for PowerShell, so muscle memory
/// carries over), and the AWS work several of them run the same way.
/// </summary>
public abstract class OcelotAwsCmdlet : OcelotCmdlet
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

    private AwsConnection? _connection;

    /// <summary>Resolved once per command, in BeginProcessing: a missing profile is one error before any work.</summary>
    private protected AwsConnection Connection => _connection ??= new AwsConnection(ProfileName, EndpointUrl)
    {
        ProfileLocation = ProfileLocation is null ? null : GetUnresolvedProviderPathFromPSPath(ProfileLocation),
        AccessKey = AccessKey,
        SecretKey = SecretKey,
        SessionToken = SessionToken,
    }.Resolve();

    protected override void BeginProcessing() => Try(() => _ = Connection, OnFailure.Stop);

    /// <summary>Writes the SSM parameters under <paramref name="path"/> that name the new versions (-ParameterPath of Publish and Copy).</summary>
    private protected void PointParametersAt(LayerParameterStore store, string path, IReadOnlyList<OcelotLayerVersion> versions)
    {
        if (versions.Count == 0) return;
        if (Run((_, token) => store.PointAtAsync(path, versions, token), OnFailure.Stop, out var changes)) WriteParameterChanges(changes);
    }

    /// <summary>Points the SSM parameters that named deleted versions at the newest remaining one (-ParameterPath of Remove).</summary>
    private protected void RepointParameters(LayerParameterStore store, string path, IReadOnlyList<(string Region, string LayerName, long Version)> deleted)
    {
        if (deleted.Count == 0) return;
        if (Run((_, token) => store.RepointAsync(path, deleted, token), OnFailure.Stop, out var changes)) WriteParameterChanges(changes);
    }

    private void WriteParameterChanges(IReadOnlyList<LayerParameterChange> changes)
    {
        foreach (var change in changes)
        {
            if (change.Failure is not null) Fail(change.Failure, OnFailure.WriteError);
            else WriteVerbose(change.Value is null ? $"{change.Region}: deleted the parameter {change.Name} (no version remains)." : $"{change.Region}: {change.Name} = {change.Value}");
        }
    }
}
