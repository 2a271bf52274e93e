using Amazon;
using Amazon.Runtime.CredentialManagement;

namespace Ocelot.Engine.Aws;

/// <summary>
/// The shared AWS credentials and config files, read from the paths the environment names at the moment of the call.
/// The SDK fixes those paths once per process (a static constructor reads AWS_SHARED_CREDENTIALS_FILE and
/// AWS_CONFIG_FILE), so a runbook that switches files between two commands in one pwsh would get the first ones.
/// </summary>
public sealed class SharedConfigFiles : ICredentialProfileSource
{
    private readonly Dictionary<string, Dictionary<string, string>> _profiles;
    private readonly Dictionary<string, Dictionary<string, string>> _ssoSessions;

    private SharedConfigFiles(string credentialsPath, string configPath,
        Dictionary<string, Dictionary<string, string>> profiles, Dictionary<string, Dictionary<string, string>> ssoSessions)
    {
        CredentialsPath = credentialsPath;
        ConfigPath = configPath;
        _profiles = profiles;
        _ssoSessions = ssoSessions;
    }

    public string CredentialsPath { get; }
    public string ConfigPath { get; }

    /// <param name="profileLocation">The credentials file to read instead of AWS_SHARED_CREDENTIALS_FILE (AWS Tools' -ProfileLocation).</param>
    /// <param name="environment">Reads an environment variable (the process environment outside tests).</param>
    public static SharedConfigFiles Load(string? profileLocation, Func<string, string?> environment)
    {
        var home = environment("HOME") is { Length: > 0 } h ? h : environment("USERPROFILE") ?? Directory.GetCurrentDirectory();
        var credentialsPath = profileLocation is { Length: > 0 } ? profileLocation
            : environment("AWS_SHARED_CREDENTIALS_FILE") is { Length: > 0 } c ? c : Path.Combine(home, ".aws", "credentials");
        var configPath = environment("AWS_CONFIG_FILE") is { Length: > 0 } f ? f : Path.Combine(home, ".aws", "config");

        var profiles = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var ssoSessions = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        // As in the AWS CLI: the config file names profiles "[profile x]" (and "[default]"); the credentials file "[x]";
        // where both set a key, the credentials file wins.
        foreach (var (section, values) in IniSections(configPath))
        {
            if (section.StartsWith("sso-session ", StringComparison.Ordinal)) ssoSessions[section["sso-session ".Length..].Trim()] = values;
            else if (section.StartsWith("profile ", StringComparison.Ordinal)) Merge(profiles, section["profile ".Length..].Trim(), values);
            else if (section == "default") Merge(profiles, section, values);
        }
        foreach (var (section, values) in IniSections(credentialsPath)) Merge(profiles, section, values);
        return new SharedConfigFiles(credentialsPath, configPath, profiles, ssoSessions);
    }

    public bool Contains(string profileName) => _profiles.ContainsKey(profileName);

    /// <summary>The profile's own region, or null (no profile, or no region in it).</summary>
    public string? Region(string profileName) =>
        _profiles.TryGetValue(profileName, out var values) && values.TryGetValue("region", out var region) && region.Length > 0 ? region : null;

    public bool TryGetProfile(string profileName, out CredentialProfile profile)
    {
        profile = null!;
        if (!_profiles.TryGetValue(profileName, out var values)) return false;
        string? Value(string key) => values.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
        var options = new CredentialProfileOptions
        {
            AccessKey = Value("aws_access_key_id"),
            SecretKey = Value("aws_secret_access_key"),
            Token = Value("aws_session_token"),
            RoleArn = Value("role_arn"),
            SourceProfile = Value("source_profile"),
            CredentialSource = Value("credential_source"),
            ExternalID = Value("external_id"),
            MfaSerial = Value("mfa_serial"),
            RoleSessionName = Value("role_session_name"),
            CredentialProcess = Value("credential_process"),
            WebIdentityTokenFile = Value("web_identity_token_file"),
            SsoAccountId = Value("sso_account_id"),
            SsoRoleName = Value("sso_role_name"),
            SsoSession = Value("sso_session"),
            SsoRegion = Value("sso_region"),
            SsoStartUrl = Value("sso_start_url"),
            SsoRegistrationScopes = Value("sso_registration_scopes"),
        };
        if (options.SsoSession is { } session && _ssoSessions.TryGetValue(session, out var sso))
        {
            options.SsoRegion ??= sso.GetValueOrDefault("sso_region");
            options.SsoStartUrl ??= sso.GetValueOrDefault("sso_start_url");
            options.SsoRegistrationScopes ??= sso.GetValueOrDefault("sso_registration_scopes");
        }
        profile = new CredentialProfile(profileName, options);
        if (Value("region") is { } region && RegionEndpoint.EnumerableAllRegions.Any(r => r.SystemName == region))
            profile.Region = RegionEndpoint.GetBySystemName(region);
        return true;
    }

    private static void Merge(Dictionary<string, Dictionary<string, string>> profiles, string name, Dictionary<string, string> values)
    {
        if (!profiles.TryGetValue(name, out var existing)) profiles[name] = existing = new(StringComparer.Ordinal);
        foreach (var (key, value) in values) existing[key] = value;
    }

    /// <summary>The sections of an INI file; a missing or unreadable file has none (as for the AWS CLI).</summary>
    private static IEnumerable<(string Section, Dictionary<string, string> Values)> IniSections(string path)
    {
        string[] lines;
        try
        {
            lines = File.Exists(path) ? File.ReadAllLines(path) : [];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            lines = [];
        }
        string? section = null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd();
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0 || trimmed[0] is '#' or ';') continue;
            if (trimmed[0] == '[' && trimmed.EndsWith(']'))
            {
                if (section is not null) yield return (section, values);
                section = trimmed[1..^1].Trim();
                values = new Dictionary<string, string>(StringComparer.Ordinal);
                continue;
            }
            // Indented lines continue a nested setting (e.g. "s3 =\n  max_concurrent_requests = 2"): not a profile key.
            if (section is null || line.Length != trimmed.Length) continue;
            var equals = trimmed.IndexOf('=');
            if (equals <= 0) continue;
            values[trimmed[..equals].Trim().ToLowerInvariant()] = trimmed[(equals + 1)..].Trim();
        }
        if (section is not null) yield return (section, values);
    }
}
