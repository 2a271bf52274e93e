using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Amazon.DynamoDBv2;

using Ocelot.Engine.Aws.Metadata;

namespace Ocelot.Engine.Tests.Aws.Metadata;

/// <summary>A moto_server on a free loopback port, with dummy credentials, shared by the tests of <see cref="MotoCollection"/>.</summary>
public sealed class MotoServerFixture : IDisposable
{
    public const string Region = "us-east-1";
    public const string ProfileName = "ocelot-test";

    private readonly Process _server;

    public string EndpointUrl { get; }

    public MotoServerFixture()
    {
        // The process environment (dummy credentials, isolated config files holding the ProfileName profile, no
        // endpoint variables) is pinned once for all AWS tests by Lambda.Support.TestEnvironment's module initializer.
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_DYNAMODB", null);

        var port = FreePort();
        EndpointUrl = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("moto_server")
        {
            ArgumentList = { "-H", "127.0.0.1", "-p", port.ToString() },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _server = Process.Start(start) ?? throw new InvalidOperationException("moto_server did not start.");
        _server.OutputDataReceived += (_, _) => { };
        _server.ErrorDataReceived += (_, _) => { };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        WaitUntilListening(port, TimeSpan.FromSeconds(60));
    }

    public IAmazonDynamoDB CreateClient() => MetadataClientFactory.Create(Region, null, EndpointUrl);

    public static string UniqueTableName(string purpose) => $"ocelot-test-{purpose}-{Guid.NewGuid():N}";

    /// <summary>Runs the AWS CLI against the emulator and parses its JSON output.</summary>
    public JsonElement Aws(params string[] args)
    {
        var output = Run("aws", ["--endpoint-url", EndpointUrl, "--region", Region, "--output", "json", .. args]);
        return output.Length == 0 ? default : JsonDocument.Parse(output).RootElement.Clone();
    }

    public string Python(string script, params string[] args) => Run("python3", ["-c", script, EndpointUrl, Region, .. args]);

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string Run(string fileName, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish.");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{fileName} exited {process.ExitCode}: {stderr.Result}");
        return stdout;
    }

    private void WaitUntilListening(int port, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_server.HasExited) throw new InvalidOperationException($"moto_server exited with {_server.ExitCode}.");
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(200);
            }
        }
        throw new TimeoutException($"moto_server did not listen on port {port} within {timeout}.");
    }

    public void Dispose()
    {
        if (!_server.HasExited)
        {
            _server.Kill(entireProcessTree: true);
            _server.WaitForExit(10_000);
        }
        _server.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class MotoCollection : ICollectionFixture<MotoServerFixture>
{
    public const string Name = "moto";
}
