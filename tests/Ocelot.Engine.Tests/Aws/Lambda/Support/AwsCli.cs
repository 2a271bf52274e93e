using System.Diagnostics;
using System.Text.Json;

using Ocelot.Engine.Aws.Lambda;

namespace Ocelot.Engine.Tests.Aws.Lambda.Support;

/// <summary>Runs the AWS CLI against an emulator endpoint, for checks that do not go through our client.</summary>
internal static class AwsCli
{
    public static JsonElement Lambda(string endpointUrl, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("aws")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["--endpoint-url", endpointUrl, "--region", "us-east-1", "--output", "json", "lambda", .. arguments])
        {
            startInfo.ArgumentList.Add(argument);
        }
        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("aws CLI did not finish in 60 s.");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"aws {string.Join(' ', arguments)} failed: {stderr.Result}");
        }
        return JsonSerializer.Deserialize<JsonElement>(stdout.Result);
    }
}
