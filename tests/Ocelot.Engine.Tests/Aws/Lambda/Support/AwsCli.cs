using System.Text.Json;

namespace Ocelot.Engine.Tests.Aws.Lambda.Support;

/// <summary>Runs the AWS CLI against an emulator endpoint, for checks that do not go through our client.</summary>
internal static class AwsCli
{
    public static JsonElement Lambda(string endpointUrl, params string[] arguments) =>
        JsonSerializer.Deserialize<JsonElement>(ChildProcess.RunChecked("aws",
            ["--endpoint-url", endpointUrl, "--region", "us-east-1", "--output", "json", "lambda", .. arguments]));
}
