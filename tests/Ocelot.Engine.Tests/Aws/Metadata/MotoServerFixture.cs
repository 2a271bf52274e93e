using System.Text.Json;
using Amazon.DynamoDBv2;

using Ocelot.Engine.Aws;
using Ocelot.Engine.Aws.Metadata;

namespace Ocelot.Engine.Tests.Aws.Metadata;

/// <summary>
/// The test kit's moto_server with dummy credentials, shared by the tests of <see cref="MotoCollection"/>, and the AWS
/// CLI and boto3 pointed at it.
/// </summary>
public sealed class MotoServerFixture : IDisposable
{
    public const string Region = "us-east-1";
    public const string ProfileName = "ocelot-test";

    private readonly MotoServer _moto;

    public string EndpointUrl => _moto.Endpoint;

    public MotoServerFixture()
    {
        // The process environment (dummy credentials, isolated config files holding the ProfileName profile, no
        // endpoint variables) is pinned once for all AWS tests by Lambda.Support.TestEnvironment's module initializer.
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_DYNAMODB", null);
        _moto = new MotoServer();
    }

    public IAmazonDynamoDB CreateClient() => AwsClients.DynamoDb(Region, new AwsConnection(null, EndpointUrl));

    public static string UniqueTableName(string purpose) => $"ocelot-test-{purpose}-{Guid.NewGuid():N}";

    /// <summary>Runs the AWS CLI against the emulator and parses its JSON output.</summary>
    public JsonElement Aws(params string[] args) => _moto.Cli(["--region", Region, .. args]);

    /// <summary>Runs a boto3 script given the endpoint and region as its first two arguments.</summary>
    public string Python(string script, params string[] args) =>
        ChildProcess.RunChecked("python3", ["-c", script, EndpointUrl, Region, .. args], environment: _moto.ClientEnvironment(Region));

    public void Dispose() => _moto.Dispose();
}

[CollectionDefinition(Name)]
public sealed class MotoCollection : ICollectionFixture<MotoServerFixture>
{
    public const string Name = "moto";
}
