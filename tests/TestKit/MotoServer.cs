using System.Diagnostics;
using System.Text.Json;

namespace Ocelot.TestKit;

/// <summary>
/// A moto_server (the AWS emulator) on a free loopback port for one test class, and the AWS CLI, an independent
/// client, to check what Ocelot wrote. Ocelot is pointed at it by parameters (<see cref="Parameters"/>), never by the
/// process environment, so classes on different servers run in parallel; the CLI and boto3 get the server through
/// their own child environment (<see cref="ClientEnvironment"/>). Stopped by its own process id.
/// </summary>
public sealed class MotoServer : IDisposable
{
    public const string AccessKey = "testing";
    public const string SecretKey = "testing";
    public const string DefaultRegion = "us-east-1";

    private readonly Process _process;
    private readonly TempFolder _files = new("ocelot-moto-");

    public MotoServer()
    {
        Port = LoopbackPort.Free();
        // Empty shared files: neither the CLI nor boto3 reads the developer's ~/.aws.
        NoConfigFile = _files.Write("config", string.Empty);
        NoCredentialsFile = _files.Write("credentials", string.Empty);
        _process = ChildProcess.StartServer("moto_server", ["-H", "127.0.0.1", "-p", Port.ToString()], Port, TimeSpan.FromSeconds(30));
    }

    public int Port { get; }
    public string Endpoint => $"http://127.0.0.1:{Port}";

    /// <summary>An empty AWS config file, for a test that must not read ~/.aws/config.</summary>
    public string NoConfigFile { get; }

    /// <summary>An empty AWS credentials file (a -ProfileLocation that holds no profile).</summary>
    public string NoCredentialsFile { get; }

    /// <summary>
    /// Parameter defaults (<c>$PSDefaultParameterValues</c>) that give every Ocelot cmdlet of one session -EndpointUrl
    /// and the dummy -AccessKey/-SecretKey of this server. A parameter a test gives itself wins.
    /// </summary>
    public IReadOnlyDictionary<string, object> Parameters => new Dictionary<string, object>
    {
        ["*-Ocelot*:EndpointUrl"] = Endpoint,
        ["*-Ocelot*:AccessKey"] = AccessKey,
        ["*-Ocelot*:SecretKey"] = SecretKey,
    };

    /// <summary>The environment of a child AWS client (the CLI, boto3): this server, dummy keys, a region, no shared files.</summary>
    public IReadOnlyDictionary<string, string?> ClientEnvironment(string region = DefaultRegion) => new Dictionary<string, string?>
    {
        ["AWS_ENDPOINT_URL"] = Endpoint,
        ["AWS_ACCESS_KEY_ID"] = AccessKey,
        ["AWS_SECRET_ACCESS_KEY"] = SecretKey,
        ["AWS_SESSION_TOKEN"] = null,
        ["AWS_PROFILE"] = null,
        ["AWS_DEFAULT_PROFILE"] = null,
        ["AWS_CONFIG_FILE"] = NoConfigFile,
        ["AWS_SHARED_CREDENTIALS_FILE"] = NoCredentialsFile,
        ["AWS_REGION"] = region,
        ["AWS_DEFAULT_REGION"] = region,
        ["AWS_EC2_METADATA_DISABLED"] = "true",
    };

    /// <summary>Runs <c>aws --endpoint-url … --output json &lt;arguments&gt;</c> and parses its answer.</summary>
    public JsonElement Cli(params string[] arguments)
    {
        var result = ChildProcess.Run("aws", ["--endpoint-url", Endpoint, "--output", "json", .. arguments], environment: ClientEnvironment());
        if (result.ExitCode != 0) throw new AwsCliException(result.ExitCode, result.Error);
        var output = result.Output;
        return output.Trim().Length == 0 ? default : JsonDocument.Parse(output).RootElement.Clone();
    }

    /// <summary>Runs a boto3 script (given this server's client environment) and returns what it printed; throws with its error output.</summary>
    public string Python(string script) =>
        ChildProcess.RunChecked("python3", ["-"], environment: ClientEnvironment(), input: System.Text.Encoding.UTF8.GetBytes(script));

    public void Dispose()
    {
        ChildProcess.Stop(_process);
        _files.Dispose();
    }
}
