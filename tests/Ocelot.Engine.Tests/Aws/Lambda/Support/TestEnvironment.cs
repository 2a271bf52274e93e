using System.Runtime.CompilerServices;

using Ocelot.Engine.Aws.Lambda;

namespace Ocelot.Engine.Tests.Aws.Lambda.Support;

/// <summary>Pins the process environment, for every AWS test of this project, so no test can reach real AWS or pick up the developer's AWS settings.</summary>
internal static class TestEnvironment
{
    public const string AccessKey = "testing";
    public const string SecretKey = "testing";

    /// <summary>AWS_CONFIG_FILE for the whole run: the SDK reads that variable once per process (a static constructor),
    /// so tests change this file's content, not the variable.</summary>
    public static readonly string AwsConfigFile = Path.Combine(Path.GetTempPath(), $"ocelot-lambda-tests-config-{Environment.ProcessId}");

    public static readonly string AwsCredentialsFile = Path.Combine(Path.GetTempPath(), $"ocelot-lambda-tests-credentials-{Environment.ProcessId}");

    [ModuleInitializer]
    internal static void Initialize()
    {
        File.WriteAllText(AwsConfigFile, "");
        // Profiles the metadata-table tests use; the SDK reads this file's location once per process.
        File.WriteAllText(AwsCredentialsFile, "[ocelot-test]\naws_access_key_id = testing\naws_secret_access_key = testing\n");
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", AccessKey);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", SecretKey);
        Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", null);
        Environment.SetEnvironmentVariable("AWS_PROFILE", null);
        Environment.SetEnvironmentVariable("AWS_DEFAULT_PROFILE", null);
        Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");
        Environment.SetEnvironmentVariable("AWS_DEFAULT_REGION", "us-east-1");
        Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", AwsConfigFile);
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", AwsCredentialsFile);
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL", null);
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_LAMBDA", null);
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        // Safety net: a request that escaped to a real AWS endpoint fails on a closed local port instead.
        Environment.SetEnvironmentVariable("HTTPS_PROXY", "http://127.0.0.1:9");
        Environment.SetEnvironmentVariable("HTTP_PROXY", "http://127.0.0.1:9");
        Environment.SetEnvironmentVariable("NO_PROXY", "127.0.0.1,localhost");
    }
}
