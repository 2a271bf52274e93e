using Ocelot.Engine.Aws;
using Ocelot.Engine.Failures;

namespace Ocelot.Engine.Tests.Aws;

/// <summary>
/// Credentials and region resolve as the AWS CLI does, from real files read on every call. Each test gives the
/// connection an environment of its own (no process variables change), with HOME in a temp folder.
/// </summary>
public sealed class AwsConnectionTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("ocelot-aws-connection-").FullName;
    private readonly Dictionary<string, string?> _environment = new(StringComparer.Ordinal);

    public AwsConnectionTests()
    {
        _environment["HOME"] = _home;
        _environment["AWS_EC2_METADATA_DISABLED"] = "true";
    }

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private string File(string name, string text)
    {
        var path = Path.Combine(_home, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    private AwsConnection Connection(string? profileName = null) => new(profileName, null) { ReadEnvironment = name => _environment.GetValueOrDefault(name) };

    private const string Profiles = """
        [default]
        region = eu-west-1
        aws_access_key_id = AKIDDEFAULT
        aws_secret_access_key = default-secret

        [profile ci]
        region = ap-southeast-2
        aws_access_key_id = AKIDCI
        aws_secret_access_key = ci-secret

        [profile no-region]
        aws_access_key_id = AKIDNOREGION
        aws_secret_access_key = no-region-secret
        """;

    [Fact]
    public void Region_comes_from_Region_then_AWS_REGION_then_AWS_DEFAULT_REGION_then_the_selected_profile()
    {
        _environment["AWS_CONFIG_FILE"] = File("config", Profiles);
        Assert.Equal("eu-west-1", Connection().DefaultRegion());
        Assert.Equal("ap-southeast-2", Connection("ci").DefaultRegion());
        _environment["AWS_PROFILE"] = "ci";
        Assert.Equal("ap-southeast-2", Connection().DefaultRegion());
        _environment["AWS_DEFAULT_REGION"] = "us-west-2";
        Assert.Equal("us-west-2", Connection("ci").DefaultRegion());
        _environment["AWS_REGION"] = "ca-central-1";
        Assert.Equal("ca-central-1", Connection("ci").DefaultRegion());
        Assert.Equal(["sa-east-1"], Connection("ci").ResolveRegions(["sa-east-1"]));
    }

    [Fact]
    public void A_named_profile_without_a_region_does_not_borrow_the_default_profiles()
    {
        _environment["AWS_CONFIG_FILE"] = File("config", Profiles);
        Assert.Null(Connection("no-region").DefaultRegion());
        var error = Assert.Throws<OcelotException>(() => Connection("no-region").ResolveRegions(null));
        Assert.Equal(ErrorIds.RegionNotResolved, error.ErrorId);
        Assert.Contains("no-region", error.RecommendedAction);
    }

    [Fact]
    public void A_change_of_AWS_SHARED_CREDENTIALS_FILE_or_AWS_CONFIG_FILE_takes_effect_on_the_next_call()
    {
        _environment["AWS_SHARED_CREDENTIALS_FILE"] = File("first-credentials", "[default]\naws_access_key_id = AKIDFIRST\naws_secret_access_key = s1\n");
        _environment["AWS_CONFIG_FILE"] = File("first-config", "[default]\nregion = eu-north-1\n");
        Assert.Equal("AKIDFIRST", Connection().Resolve().Credentials()!.GetCredentials().AccessKey);
        Assert.Equal("eu-north-1", Connection().DefaultRegion());

        _environment["AWS_SHARED_CREDENTIALS_FILE"] = File("second-credentials", "[default]\naws_access_key_id = AKIDSECOND\naws_secret_access_key = s2\n");
        _environment["AWS_CONFIG_FILE"] = File("second-config", "[default]\nregion = me-south-1\n");
        Assert.Equal("AKIDSECOND", Connection().Resolve().Credentials()!.GetCredentials().AccessKey);
        Assert.Equal("me-south-1", Connection().DefaultRegion());

        // The same path rewritten is read again as well.
        File("second-credentials", "[default]\naws_access_key_id = AKIDREWRITTEN\naws_secret_access_key = s3\n");
        Assert.Equal("AKIDREWRITTEN", Connection().Resolve().Credentials()!.GetCredentials().AccessKey);
    }

    [Fact]
    public void Credentials_come_from_keys_then_ProfileName_then_the_environment_then_AWS_PROFILE_then_default()
    {
        _environment["AWS_CONFIG_FILE"] = File("config", Profiles);
        string Key(AwsConnection connection) => connection.Resolve().Credentials()!.GetCredentials().AccessKey;
        Assert.Equal("AKIDDEFAULT", Key(Connection()));
        _environment["AWS_PROFILE"] = "ci";
        Assert.Equal("AKIDCI", Key(Connection()));
        _environment["AWS_ACCESS_KEY_ID"] = "AKIDENV";
        _environment["AWS_SECRET_ACCESS_KEY"] = "env-secret";
        _environment["AWS_SESSION_TOKEN"] = "env-token";
        Assert.Equal("AKIDENV", Key(Connection()));
        Assert.Equal("env-token", Connection().Resolve().Credentials()!.GetCredentials().Token);
        Assert.Equal("AKIDNOREGION", Key(Connection("no-region")));
        var explicitKeys = Connection("ci") with { AccessKey = "AKIDGIVEN", SecretKey = "given-secret", SessionToken = "given-token" };
        Assert.Equal("AKIDGIVEN", Key(explicitKeys));
        Assert.Equal("given-token", explicitKeys.Resolve().Credentials()!.GetCredentials().Token);
    }

    [Fact]
    public void ProfileLocation_names_the_credentials_file_to_read()
    {
        var location = File("elsewhere", "[build]\naws_access_key_id = AKIDELSEWHERE\naws_secret_access_key = elsewhere-secret\nregion = eu-south-1\n");
        var connection = Connection("build") with { ProfileLocation = location };
        Assert.Equal("AKIDELSEWHERE", connection.Resolve().Credentials()!.GetCredentials().AccessKey);
        Assert.Equal("eu-south-1", connection.DefaultRegion());
        Assert.Throws<OcelotException>(() => Connection("build").Resolve());
    }

    [Theory]
    [InlineData("ProfileName")]
    [InlineData("AWS_PROFILE")]
    public void A_missing_profile_is_one_clear_error_when_the_connection_is_resolved(string how)
    {
        _environment["AWS_CONFIG_FILE"] = File("config", Profiles);
        if (how == "AWS_PROFILE") _environment["AWS_PROFILE"] = "typo";
        var connection = Connection(how == "ProfileName" ? "typo" : null);
        var error = Assert.Throws<OcelotException>(() => connection.Resolve());
        Assert.Equal(ErrorIds.AwsProfileNotFound, error.ErrorId);
        Assert.Contains("'typo'", error.Message);
        Assert.Contains(how == "ProfileName" ? "-ProfileName" : "AWS_PROFILE", error.Message);
    }

    [Fact]
    public void An_access_key_without_its_secret_is_refused()
    {
        var error = Assert.Throws<OcelotException>(() => (Connection() with { AccessKey = "AKIDALONE" }).Resolve());
        Assert.Equal(ErrorIds.CredentialsInvalid, error.ErrorId);
        error = Assert.Throws<OcelotException>(() => (Connection() with { SecretKey = "lonely-secret-value" }).Resolve());
        Assert.DoesNotContain("lonely-secret-value", error.Message + error.RecommendedAction + error.Target);
    }

    [Fact]
    public void Secrets_never_appear_in_the_connections_text()
    {
        var connection = Connection("ci") with { AccessKey = "AKIDSHOWN", SecretKey = "s3cr3t-value", SessionToken = "t0ken-value" };
        var text = connection.ToString() + connection.Resolve().ToString();
        Assert.Contains("AKIDSHOWN", text);
        Assert.DoesNotContain("s3cr3t-value", text);
        Assert.DoesNotContain("t0ken-value", text);
    }

    [Fact]
    public void An_assume_role_profile_in_the_config_file_finds_its_source_profile_in_the_credentials_file()
    {
        _environment["AWS_SHARED_CREDENTIALS_FILE"] = File("credentials", "[source]\naws_access_key_id = AKIDSOURCE\naws_secret_access_key = source-secret\n");
        _environment["AWS_CONFIG_FILE"] = File("config", "[profile deploy]\nrole_arn = arn:aws:iam::123456789012:role/deploy\nsource_profile = source\nregion = us-east-2\n");
        var credentials = Connection("deploy").Resolve().Credentials();
        Assert.IsType<Amazon.Runtime.AssumeRoleAWSCredentials>(credentials);
        Assert.Equal("us-east-2", Connection("deploy").DefaultRegion());
    }
}
