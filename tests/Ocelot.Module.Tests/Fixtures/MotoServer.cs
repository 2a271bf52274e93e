using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Ocelot.Module.Tests.Harness;

namespace Ocelot.Module.Tests.Fixtures;

/// <summary>
/// A moto_server (the AWS emulator) on a free loopback port for one test class, and the AWS CLI, an independent
/// client, to check what Ocelot wrote. Stopped by its own process id.
/// </summary>
public sealed class MotoServer : IDisposable
{
    private readonly Process _process;

    public MotoServer()
    {
        Port = LoopbackPort.Free();
        _process = Process.Start(new ProcessStartInfo("moto_server")
        {
            ArgumentList = { "-H", "127.0.0.1", "-p", Port.ToString() },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("moto_server did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        LoopbackPort.WaitUntilListening(Port, TimeSpan.FromSeconds(30), () => !_process.HasExited);
    }

    public int Port { get; }
    public string Endpoint => $"http://127.0.0.1:{Port}";

    /// <summary>The variables that point an AWS SDK or CLI at this server with dummy credentials.</summary>
    public IReadOnlyDictionary<string, string?> Environment(string region = "us-east-1") => new Dictionary<string, string?>
    {
        ["AWS_ENDPOINT_URL"] = Endpoint,
        ["AWS_ACCESS_KEY_ID"] = "testing",
        ["AWS_SECRET_ACCESS_KEY"] = "testing",
        ["AWS_SESSION_TOKEN"] = null,
        ["AWS_PROFILE"] = null,
        ["AWS_REGION"] = region,
        ["AWS_DEFAULT_REGION"] = region,
        ["AWS_EC2_METADATA_DISABLED"] = "true",
    };

    /// <summary>Runs <c>aws --endpoint-url … &lt;arguments&gt; --output json</c> and parses its answer.</summary>
    public JsonElement Cli(params string[] arguments)
    {
        var start = new ProcessStartInfo("aws")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--endpoint-url", Endpoint, "--output", "json" }.Concat(arguments)) start.ArgumentList.Add(argument);
        foreach (var (name, value) in Environment())
        {
            if (name == "AWS_ENDPOINT_URL") continue;
            if (value is null) start.Environment.Remove(name); else start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new AwsCliException(process.ExitCode, error.Result);
        return output.Trim().Length == 0 ? default : JsonDocument.Parse(output).RootElement.Clone();
    }

    public void Dispose()
    {
        try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        _process.WaitForExit();
        _process.Dispose();
    }
}

public sealed class AwsCliException(int exitCode, string error) : Exception($"aws exited with {exitCode}: {error}")
{
    public string Error { get; } = error;
}
