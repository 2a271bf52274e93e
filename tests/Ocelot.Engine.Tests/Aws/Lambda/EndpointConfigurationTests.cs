using Ocelot.Engine.Failures;
using Ocelot.Engine.Tests.Aws.Lambda.Support;

using Ocelot.Engine.Aws.Lambda;

namespace Ocelot.Engine.Tests.Aws.Lambda;

/// <summary>These tests change process-wide environment variables and the shared AWS config file, so they run alone, after the parallel tests.</summary>
[CollectionDefinition(nameof(EnvironmentChangingTests), DisableParallelization = true)]
public sealed class EnvironmentChangingTests;

[Collection(nameof(EnvironmentChangingTests))]
public sealed class EndpointConfigurationTests(MotoServerFixture moto) : IClassFixture<MotoServerFixture>
{
    [Fact]
    public async Task AWS_ENDPOINT_URL_LAMBDA_is_used_and_signed_for_the_region_given()
    {
        using var env = new EnvironmentScope().Set("AWS_ENDPOINT_URL_LAMBDA", moto.Url).Set("AWS_REGION", "us-west-2");
        var name = TestZips.UniqueLayerName("env-endpoint");
        using var client = LambdaLayerClient.Create("eu-central-1");

        var published = await client.PublishLayerVersionAsync(new PublishLayerVersionInput(name, LayerContent.FromZip(TestZips.PythonLayer(name))));

        // moto names the region after the request's credential scope.
        Assert.Equal($"arn:aws:lambda:eu-central-1:123456789012:layer:{name}", published.LayerArn);
    }

    [Fact]
    public async Task A_bare_config_takes_both_region_and_endpoint_from_the_environment()
    {
        using var standIn = new LoopbackLambdaStandIn(_ => StandInResponse.Json(200, new { Layers = Array.Empty<object>() }));
        // The SDK caches the fallback region for the process, so this is AWS_REGION as TestEnvironment set it.
        using var env = new EnvironmentScope().Set("AWS_ENDPOINT_URL_LAMBDA", standIn.Url);
        using var client = new LambdaLayerClient(null, new LambdaLayerClientConfig());

        await client.ListLayersAsync();
        await client.ListLayersAsync();

        Assert.Equal(2, standIn.Requests.Count);
        Assert.All(standIn.Requests, request => Assert.Contains("/us-east-1/lambda/aws4_request", request.Header("Authorization")));
    }

    [Fact]
    public async Task AWS_ENDPOINT_URL_is_used_when_there_is_no_lambda_specific_one()
    {
        using var standIn = new LoopbackLambdaStandIn(_ => StandInResponse.Json(200, new { Layers = Array.Empty<object>() }));
        using var env = new EnvironmentScope().Set("AWS_ENDPOINT_URL", standIn.Url);
        using var client = LambdaLayerClient.Create("ca-central-1");

        await client.ListLayersAsync();

        Assert.Contains("/ca-central-1/lambda/aws4_request", Assert.Single(standIn.Requests).Header("Authorization"));
    }

    [Fact]
    public async Task An_explicit_endpoint_wins_over_the_environment()
    {
        using var fromEnvironment = new LoopbackLambdaStandIn(_ => StandInResponse.Json(200, new { Layers = Array.Empty<object>() }));
        using var explicitEndpoint = new LoopbackLambdaStandIn(_ => StandInResponse.Json(200, new { Layers = Array.Empty<object>() }));
        using var env = new EnvironmentScope().Set("AWS_ENDPOINT_URL_LAMBDA", fromEnvironment.Url);
        using var client = LambdaLayerClient.Create("us-east-1", null, explicitEndpoint.Url);

        await client.ListLayersAsync();

        Assert.Empty(fromEnvironment.Requests);
        Assert.Single(explicitEndpoint.Requests);
    }

    [Fact]
    public async Task A_profile_supplies_credentials_region_and_its_services_endpoint()
    {
        // As in the AWS CLI, AWS_REGION and AWS_DEFAULT_REGION win over the profile's region: without them, the profile's applies.
        using var noRegion = new EnvironmentScope().Set("AWS_REGION", null).Set("AWS_DEFAULT_REGION", null);
        using var standIn = new LoopbackLambdaStandIn(_ => StandInResponse.Json(200, new { Layers = Array.Empty<object>() }));
        using var profiles = new AwsConfigFileScope($"""
            [profile ocelot-static]
            region = ap-southeast-2
            services = ocelot-local
            aws_access_key_id = AKIDOCELOTPROFILE
            aws_secret_access_key = profile-secret

            [services ocelot-local]
            lambda =
              endpoint_url = {standIn.Url}
            """);
        using var client = LambdaLayerClient.Create(null, "ocelot-static");

        await client.ListLayersAsync();

        var request = Assert.Single(standIn.Requests);
        var credential = BotocoreSigV4.ParseAuthorization(request.Header("Authorization")!)["Credential"];
        Assert.StartsWith("AKIDOCELOTPROFILE/", credential);
        Assert.EndsWith("/ap-southeast-2/lambda/aws4_request", credential);
        var botocore = BotocoreSigV4.Sign(request, standIn.Url, "AKIDOCELOTPROFILE", "profile-secret", "ap-southeast-2");
        Assert.Equal(botocore.Signature, BotocoreSigV4.ParseAuthorization(request.Header("Authorization")!)["Signature"]);
    }

    [Fact]
    public async Task An_assume_role_profile_signs_with_the_role_session_credentials()
    {
        using var standIn = new LoopbackLambdaStandIn(_ => StandInResponse.Json(200, new { Layers = Array.Empty<object>() }));
        using var profiles = new AwsConfigFileScope("""
            [profile ocelot-source]
            aws_access_key_id = AKIDOCELOTSOURCE
            aws_secret_access_key = source-secret

            [profile ocelot-role]
            role_arn = arn:aws:iam::123456789012:role/ocelot-publisher
            source_profile = ocelot-source
            region = us-east-1
            """);
        // STS (AssumeRole) is answered by moto.
        using var env = new EnvironmentScope().Set("AWS_ENDPOINT_URL_STS", moto.Url);
        using var client = LambdaLayerClient.Create(null, "ocelot-role", standIn.Url);

        await client.ListLayersAsync();

        var request = Assert.Single(standIn.Requests);
        Assert.StartsWith("ASIA", BotocoreSigV4.ParseAuthorization(request.Header("Authorization")!)["Credential"]);
        Assert.False(string.IsNullOrEmpty(request.Header("X-Amz-Security-Token")));
    }

    [Fact]
    public void An_unknown_profile_is_rejected()
    {
        var error = Assert.Throws<OcelotException>(() => LambdaLayerClient.Create("us-east-1", "ocelot-no-such-profile"));
        Assert.Equal(ErrorIds.AwsProfileNotFound, error.ErrorId);
    }
}
