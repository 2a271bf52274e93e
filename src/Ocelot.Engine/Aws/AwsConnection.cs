using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Ocelot.Engine.Failures;

namespace Ocelot.Engine.Aws;

/// <summary>
/// How to reach AWS, resolved as the AWS CLI does: explicit keys, else a named profile, else the AWS_* variables,
/// else AWS_PROFILE (or the default profile), else the SDK's remaining sources (web identity, container, instance
/// role). The shared files are read afresh from the paths the environment names now (see <see cref="SharedConfigFiles"/>).
/// An endpoint override wins over AWS_ENDPOINT_URL_&lt;SERVICE&gt; / AWS_ENDPOINT_URL, which the SDK reads itself.
/// </summary>
public sealed record AwsConnection(string? ProfileName, string? EndpointUrl)
{
    public string? ProfileLocation { get; init; }
    public string? AccessKey { get; init; }

    /// <summary>Never printed: not in <see cref="ToString"/>, messages or targets.</summary>
    public string? SecretKey { get; init; }

    /// <summary>Never printed, like <see cref="SecretKey"/>.</summary>
    public string? SessionToken { get; init; }

    /// <summary>Reads an environment variable; tests give their own so they need not change the process's.</summary>
    public Func<string, string?> ReadEnvironment { get; init; } = Environment.GetEnvironmentVariable;

    private AWSCredentials? _credentials;
    private bool _resolved;

    /// <summary>The profile whose settings apply: -ProfileName, else AWS_PROFILE, else default.</summary>
    public string SelectedProfile => ProfileName ?? (ReadEnvironment("AWS_PROFILE") is { Length: > 0 } p ? p : "default");

    /// <summary>
    /// Checks everything that can be checked before any AWS call (endpoint, key pair, a named profile that must exist)
    /// and resolves credentials once, so every region of one command shares them (and one assume-role).
    /// </summary>
    public AwsConnection Resolve()
    {
        ValidateEndpoint(EndpointUrl);
        var credentials = FindCredentials(SharedConfigFiles.Load(ProfileLocation, ReadEnvironment));
        return this with { _credentials = credentials, _resolved = true };
    }

    /// <summary>The same endpoint and environment, signing with <paramref name="credentials"/> (another account's, for copies).</summary>
    internal AwsConnection SigningWith(AWSCredentials credentials) =>
        new AwsConnection(null, EndpointUrl) { ReadEnvironment = ReadEnvironment, _credentials = credentials, _resolved = true };

    /// <summary>The credentials to sign with; null leaves the choice to the SDK's default chain (container, instance role).</summary>
    public AWSCredentials? Credentials() => _resolved ? _credentials : FindCredentials(SharedConfigFiles.Load(ProfileLocation, ReadEnvironment));

    /// <summary>The region when none is given: AWS_REGION, AWS_DEFAULT_REGION, the selected profile's own region, instance metadata.</summary>
    public string? DefaultRegion()
    {
        if (ReadEnvironment("AWS_REGION") is { Length: > 0 } region) return region;
        if (ReadEnvironment("AWS_DEFAULT_REGION") is { Length: > 0 } defaultRegion) return defaultRegion;
        if (SharedConfigFiles.Load(ProfileLocation, ReadEnvironment).Region(SelectedProfile) is { } profileRegion) return profileRegion;
        if (string.Equals(ReadEnvironment("AWS_EC2_METADATA_DISABLED"), "true", StringComparison.OrdinalIgnoreCase)) return null;
        try
        {
            return new InstanceProfileAWSRegion().Region?.SystemName;
        }
        catch (Exception ex) when (ex is AmazonClientException or HttpRequestException or IOException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The given regions (validated), or the default region; an error naming what to do when there is none.</summary>
    public IReadOnlyList<string> ResolveRegions(IReadOnlyCollection<string>? regions, string parameterName = "-Region")
    {
        if (regions is { Count: > 0 }) return regions.Select(AwsRegion.Validate).Distinct(StringComparer.Ordinal).ToList();
        var region = DefaultRegion() ?? throw new OcelotException(ErrorIds.RegionNotResolved, FailureKind.InvalidArgument,
            "No AWS region was given and none is configured.",
            $"Give the region, or set AWS_REGION (or a region in the AWS profile '{SelectedProfile}').", parameterName);
        return [AwsRegion.Validate(region)];
    }

    public static void ValidateEndpoint(string? endpointUrl)
    {
        if (endpointUrl is null) return;
        // User info in an endpoint would be a secret on its way into messages and logs; AWS never takes it there.
        var shown = Upstream.UpstreamSource.Redact(endpointUrl);
        if (shown != endpointUrl)
            throw new OcelotException(ErrorIds.EndpointInvalid, FailureKind.InvalidArgument,
                $"'{shown}' holds user info; an endpoint URL carries no credentials.",
                "Remove the user info from the endpoint URL; give credentials through the AWS profile or environment.", shown);
        if (!Uri.TryCreate(endpointUrl, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http"))
            throw new OcelotException(ErrorIds.EndpointInvalid, FailureKind.InvalidArgument,
                "The endpoint URL is not an http(s) URL.", "Give the endpoint as a full URL, e.g. http://127.0.0.1:5000.", "EndpointUrl");
    }

    public override string ToString() =>
        $"AwsConnection {{ Profile = {ProfileName ?? "(chain)"}, ProfileLocation = {ProfileLocation ?? "(default)"}, " +
        $"AccessKey = {AccessKey ?? "(none)"}, EndpointUrl = {(EndpointUrl is null ? "(default)" : "(given)")} }}";

    private AWSCredentials? FindCredentials(SharedConfigFiles files)
    {
        if (AccessKey is { Length: > 0 } || SecretKey is { Length: > 0 } || SessionToken is { Length: > 0 })
        {
            if (AccessKey is not { Length: > 0 } || SecretKey is not { Length: > 0 })
                throw new OcelotException(ErrorIds.CredentialsInvalid, FailureKind.InvalidArgument,
                    "An access key and its secret key go together (with a session token for temporary credentials).",
                    "Give both the access key and the secret key, or use a profile.", "AccessKey");
            return SessionToken is { Length: > 0 } ? new SessionAWSCredentials(AccessKey, SecretKey, SessionToken) : new BasicAWSCredentials(AccessKey, SecretKey);
        }
        if (ProfileName is not null) return ProfileCredentials(files, ProfileName, "-ProfileName");
        if (ReadEnvironment("AWS_ACCESS_KEY_ID") is { Length: > 0 } key && ReadEnvironment("AWS_SECRET_ACCESS_KEY") is { Length: > 0 } secret)
            return ReadEnvironment("AWS_SESSION_TOKEN") is { Length: > 0 } token ? new SessionAWSCredentials(key, secret, token) : new BasicAWSCredentials(key, secret);
        if (ReadEnvironment("AWS_PROFILE") is { Length: > 0 } environmentProfile) return ProfileCredentials(files, environmentProfile, "AWS_PROFILE");
        return files.Contains("default") ? ProfileCredentials(files, "default", "the default profile") : null;
    }

    private static AWSCredentials ProfileCredentials(SharedConfigFiles files, string name, string source)
    {
        if (!files.TryGetProfile(name, out var profile))
            throw new OcelotException(ErrorIds.AwsProfileNotFound, FailureKind.ObjectNotFound,
                $"The AWS profile '{name}' ({source}) is not in '{files.CredentialsPath}' or '{files.ConfigPath}'.",
                "Check the profile name (aws configure list-profiles), the credentials file given, AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE.", name);
        try
        {
            return AWSCredentialsFactory.GetAWSCredentials(profile, files);
        }
        catch (Exception ex) when (ex is InvalidDataException or AmazonClientException or ArgumentException or InvalidOperationException)
        {
            throw new OcelotException(ErrorIds.AwsProfileNotFound, FailureKind.InvalidData,
                $"The AWS profile '{name}' ({source}) has no usable credentials: {ex.Message}",
                "Give the profile aws_access_key_id/aws_secret_access_key, a role, SSO settings or a credential_process.", name, ex);
        }
    }
}
