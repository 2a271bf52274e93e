using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace Ocelot.Bench;

/// <summary>
/// What the AWS benches share: the test kit's <see cref="MotoServer"/>, the AWS CLI against it, boto3 seeding with one
/// prelude, and Ocelot in a fresh runspace. A bench is a process of its own, so the server's client environment is
/// set for the whole process: Ocelot, the CLI and any child process the bench starts all reach the same server.
/// </summary>
public sealed class MotoBench : IDisposable
{
    /// <summary>
    /// Defined before every seeding script: <c>data</c> (a small zip), <c>client(service, region)</c> (cached boto3
    /// clients for this server) and <c>publish(region, name)</c> (an x86_64 layer version; returns its ARN).
    /// </summary>
    private const string SeedPrelude = """
        import boto3, io, zipfile
        b = io.BytesIO()
        with zipfile.ZipFile(b, 'w') as z: z.writestr('handler.py', 'def handler(e, c): return 1')
        data = b.getvalue()
        clients = {}
        def client(service, region):
          return clients.setdefault((service, region), boto3.client(service, region_name=region))
        def publish(region, name):
          return client('lambda', region).publish_layer_version(LayerName=name, Content={'ZipFile': data}, CompatibleArchitectures=['x86_64'])['LayerVersionArn']

        """;

    private readonly string _manifest;

    public MotoBench()
    {
        _manifest = Path.Combine(Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../..")), "Ocelot.psd1");
        foreach (var (name, value) in Moto.ClientEnvironment()) Environment.SetEnvironmentVariable(name, value);
    }

    public MotoServer Moto { get; } = new();
    public string Endpoint => Moto.Endpoint;

    /// <summary>Runs the AWS CLI against the server (unless the arguments name another --endpoint-url) and returns its output, trimmed.</summary>
    public string Aws(params string[] arguments) =>
        ChildProcess.RunChecked("aws", arguments.Contains("--endpoint-url") ? arguments : ["--endpoint-url", Endpoint, .. arguments]).Trim();

    /// <summary>Runs a boto3 script after <see cref="SeedPrelude"/>.</summary>
    public void Seed(string body) => Moto.Python(SeedPrelude + body);

    /// <summary>Runs <paramref name="command"/> with Ocelot imported; returns the output as text, and the errors (also written to standard error).</summary>
    public (List<string> Output, List<string> Errors) RunOcelot(string command)
    {
        using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();
        using var shell = PowerShell.Create();
        shell.Runspace = runspace;
        shell.AddScript($"Import-Module '{_manifest}'; {command}");
        var output = shell.Invoke().Select(o => o?.ToString() ?? string.Empty).ToList();
        var errors = shell.Streams.Error.Select(e => e.ToString()).ToList();
        foreach (var error in errors) Console.Error.WriteLine($"Ocelot error: {error}");
        return (output, errors);
    }

    public void Dispose() => Moto.Dispose();
}
