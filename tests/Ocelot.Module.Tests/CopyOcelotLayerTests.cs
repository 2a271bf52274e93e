using System.IO.Compression;
using System.Security.Cryptography;
using Ocelot.Module.Tests.Fixtures;
using Ocelot.Module.Tests.Harness;
using Xunit;

namespace Ocelot.Module.Tests;

/// <summary>
/// Copy-OcelotLayer against moto_server, checked with the AWS CLI. moto cannot serve a layer's zip, so the copies
/// read it through <see cref="LayerContentStandIn"/>; everything else is moto. The SSM writes of -ParameterPath sign
/// with the session's -AccessKey/-SecretKey like every other call: no AWS keys are in the process environment.
/// </summary>
public sealed class CopyOcelotLayerTests : IClassFixture<MotoServer>, IDisposable
{
    private readonly MotoServer _moto;
    private readonly TempFolder _files = new("ocelot-copy-");
    private readonly LayerContentStandIn _standIn;
    private readonly string _id = Guid.NewGuid().ToString("N")[..6];

    public CopyOcelotLayerTests(MotoServer moto)
    {
        _moto = moto;
        _standIn = new LayerContentStandIn(moto.Endpoint);
    }

    public void Dispose()
    {
        _standIn.Dispose();
        _files.Dispose();
    }

    private string LayerName => $"ocel-arm64-copy{_id}-0_158_0-prod";

    /// <summary>Publishes a layer version with random content in us-east-1 with the AWS CLI; returns its ARN and CodeSha256.</summary>
    private (string Arn, string CodeSha256) PublishSource()
    {
        var path = Path.Combine(_files.Path, "layer.zip");
        using (var archive = ZipFile.Open(path, ZipArchiveMode.Create))
        using (var entry = archive.CreateEntry("extensions/collector").Open())
            entry.Write(RandomNumberGenerator.GetBytes(64 * 1024));
        var zip = File.ReadAllBytes(path);
        _standIn.Serve(zip);
        var published = _moto.Cli("lambda", "publish-layer-version", "--region", "us-east-1", "--layer-name", LayerName, "--zip-file", "fileb://" + path,
            "--description", $"md5: {Convert.ToHexString(MD5.HashData(zip)).ToLowerInvariant()} | receiver.otlp", "--compatible-architectures", "arm64",
            "--compatible-runtimes", "python3.12", "nodejs20.x", "--license-info", "Apache-2.0");
        return (published.GetProperty("LayerVersionArn").GetString()!, published.GetProperty("Content").GetProperty("CodeSha256").GetString()!);
    }

    private PipelineResult Run(string script, string arn) => _moto.Run(script, new Dictionary<string, object?>
    {
        ["arn"] = arn, ["endpoint"] = _standIn.Endpoint, ["table"] = $"copies-{_id}",
    });

    private string[] Versions(string region)
    {
        try
        {
            return _moto.Cli("lambda", "list-layer-versions", "--region", region, "--layer-name", LayerName).GetProperty("LayerVersions")
                .EnumerateArray().Select(v => v.GetProperty("LayerVersionArn").GetString()!).ToArray();
        }
        catch (AwsCliException) { return []; }
    }

    [Fact]
    public void Copies_match_the_source_by_CodeSha256_carry_its_settings_and_are_recorded_with_the_source_arn()
    {
        var (source, sha) = PublishSource();
        Run("Initialize-OcelotMetadataTable -TableName $table -Region us-east-1 -Confirm:$false", source).AssertSucceeded();
        var result = Run("Copy-OcelotLayer $arn -Region eu-west-1, ap-southeast-2 -Principal 111122223333 -MetadataTable $table -MetadataRegion us-east-1 -EndpointUrl $endpoint -Force", source)
            .AssertSucceeded();
        Assert.Equal(["eu-west-1", "ap-southeast-2"], result.Output.Select(o => o.Get<string>("Region")));
        Assert.All(result.Output, o => Assert.Equal("Published", o.Get<string>("Status")));
        Assert.Equal(1, _standIn.Downloads); // once per source, not per region
        foreach (var copy in result.Output)
        {
            var region = copy.Get<string>("Region");
            var details = _moto.Cli("lambda", "get-layer-version", "--region", region, "--layer-name", LayerName, "--version-number", copy.Get<long>("Version").ToString());
            Assert.Equal(sha, details.GetProperty("Content").GetProperty("CodeSha256").GetString());
            Assert.StartsWith("md5: ", details.GetProperty("Description").GetString());
            Assert.Equal(["arm64"], details.GetProperty("CompatibleArchitectures").EnumerateArray().Select(a => a.GetString()));
            Assert.Equal(["python3.12", "nodejs20.x"], details.GetProperty("CompatibleRuntimes").EnumerateArray().Select(a => a.GetString()));
            Assert.Equal("Apache-2.0", details.GetProperty("LicenseInfo").GetString());
            var policy = _moto.Cli("lambda", "get-layer-version-policy", "--region", region, "--layer-name", LayerName, "--version-number", copy.Get<long>("Version").ToString());
            Assert.Contains("111122223333", policy.GetProperty("Policy").GetString());
            var item = _moto.Cli("dynamodb", "get-item", "--region", "us-east-1", "--table-name", $"copies-{_id}", "--key",
                $"{{\"layer_arn\": {{\"S\": \"{copy.Get<string>("LayerVersionArn")}\"}}}}").GetProperty("Item");
            Assert.Equal(source, item.GetProperty("base_layer_arn").GetProperty("S").GetString());
            Assert.Equal($"copy{_id}", item.GetProperty("distribution").GetProperty("S").GetString());
            Assert.Equal("arm64", item.GetProperty("architecture").GetProperty("S").GetString());
        }

        var again = Run("Copy-OcelotLayer $arn -Region eu-west-1 -SkipMetadata -EndpointUrl $endpoint -Force", source).AssertSucceeded();
        Assert.Equal("Reused", Assert.Single(again.Output).Get<string>("Status"));
        Assert.Single(Versions("eu-west-1"));
    }

    [Fact]
    public void WhatIf_shows_every_copy_and_publishes_nothing()
    {
        var (source, _) = PublishSource();
        var result = Run("Get-OcelotLayer -Pattern $arn.Split(':')[6] -Region us-east-1 -SkipMetadata | Copy-OcelotLayer -Region eu-west-1, ap-southeast-2 -Public -EndpointUrl $endpoint -WhatIf", source)
            .AssertSucceeded();
        Assert.Empty(result.Output);
        Assert.Contains($"\"Copy {source}, shared with *\" on target \"{LayerName} in eu-west-1\"", result.HostText);
        Assert.Contains($"on target \"{LayerName} in ap-southeast-2\"", result.HostText);
        Assert.Equal(0, _standIn.Downloads);
        Assert.Empty(Versions("eu-west-1"));
    }

    [Fact]
    public void A_corrupt_download_or_a_bad_arn_copies_nothing()
    {
        var (source, _) = PublishSource();
        _standIn.Corrupt = true;
        var corrupt = Run("Copy-OcelotLayer $arn -Region eu-west-1, ap-southeast-2 -SkipMetadata -EndpointUrl $endpoint -Force", source);
        Assert.Empty(corrupt.Output);
        Assert.Equal(["LayerChecksumMismatch", "LayerChecksumMismatch"], corrupt.ErrorIds.Select(e => e.Split(',')[0]));
        Assert.Empty(Versions("eu-west-1"));
        Assert.Empty(Versions("ap-southeast-2"));
        Assert.Empty(Directory.GetFiles(Path.GetTempPath(), "ocelot-copy-*.zip"));

        var bad = Run("Copy-OcelotLayer 'arn:aws:lambda:us-east-1:123456789012:layer:x' -Region eu-west-1 -EndpointUrl $endpoint -Force", source);
        Assert.StartsWith("LayerVersionArnInvalid,", Assert.Single(bad.ErrorIds));
        var missing = Run("Copy-OcelotLayer ($arn -replace ':[0-9]+$', ':99') -Region eu-west-1 -SkipMetadata -EndpointUrl $endpoint -Force", source);
        Assert.StartsWith("LayerDownloadFailed,", Assert.Single(missing.ErrorIds));
    }

    [Fact]
    public void A_failing_region_is_a_non_terminating_error_and_the_others_are_copied()
    {
        var (source, sha) = PublishSource();
        _standIn.FailingRegions = ["eu-west-1"];
        var result = Run("Copy-OcelotLayer $arn -Region eu-west-1, ap-southeast-2 -SkipMetadata -EndpointUrl $endpoint -Force", source);
        Assert.Null(result.Terminating);
        Assert.Equal("ap-southeast-2", Assert.Single(result.Output).Get<string>("Region"));
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("LayerCopyFailed,", error.FullyQualifiedErrorId);
        Assert.Contains("eu-west-1", error.Exception.Message);
        Assert.Equal(sha, _moto.Cli("lambda", "get-layer-version", "--region", "ap-southeast-2", "--layer-name", LayerName, "--version-number", Versions("ap-southeast-2").Single().Split(':')[^1])
            .GetProperty("Content").GetProperty("CodeSha256").GetString());
    }

    private string? Parameter(string region, string name)
    {
        try
        {
            return _moto.Cli("ssm", "get-parameter", "--region", region, "--name", name).GetProperty("Parameter").GetProperty("Value").GetString();
        }
        catch (AwsCliException e) when (e.Error.Contains("ParameterNotFound")) { return null; }
    }

    private string Zip(string name) => LayerZips.Write(Path.Combine(_files.Path, name));

    [Fact]
    public void Copy_ParameterPath_points_each_regions_parameter_at_its_copy()
    {
        var (source, _) = PublishSource();
        var result = Run($"Copy-OcelotLayer $arn -Region eu-west-1, ap-southeast-2 -SkipMetadata -EndpointUrl $endpoint -Force -ParameterPath /ocelot/c{_id}/", source).AssertSucceeded();
        foreach (var copy in result.Output)
            Assert.Equal(copy.Get<string>("LayerVersionArn"), Parameter(copy.Get<string>("Region"), $"/ocelot/c{_id}/copy{_id}/arm64/prod"));
        Assert.Null(Parameter("us-east-1", $"/ocelot/c{_id}/copy{_id}/arm64/prod"));
    }

    [Fact]
    public void Publish_points_the_parameter_at_the_newest_version_and_Remove_points_it_back_then_deletes_it()
    {
        var name = $"/ocelot/p{_id}/dist{_id}/amd64/prod";
        var variables = new Dictionary<string, object?> { ["one"] = Zip("one.zip"), ["two"] = Zip("two.zip"), ["id"] = _id };
        string Publish(string zip) => $"Publish-OcelotLayer -Path ${zip} -Distribution dist$id -Architecture amd64 -CollectorVersion v0.158.0 -Region us-east-1, eu-west-1 -SkipMetadata -ParameterPath /ocelot/p$id";
        var first = _moto.Run(Publish("one"), variables).AssertSucceeded().Output;
        var second = _moto.Run(Publish("two"), variables).AssertSucceeded().Output;
        foreach (var region in new[] { "us-east-1", "eu-west-1" })
        {
            Assert.EndsWith(":2", second.Single(v => v.Get<string>("Region") == region).Get<string>("LayerVersionArn"));
            Assert.Equal(second.Single(v => v.Get<string>("Region") == region).Get<string>("LayerVersionArn"), Parameter(region, name));
        }

        var removeNewest = $"Get-OcelotLayer -Pattern \"*-dist$id-*\" -Region us-east-1 -SkipMetadata -Latest | Remove-OcelotLayer -Force -SkipMetadata -ParameterPath /ocelot/p$id";
        _moto.Run(removeNewest, variables).AssertSucceeded();
        Assert.Equal(first.Single(v => v.Get<string>("Region") == "us-east-1").Get<string>("LayerVersionArn"), Parameter("us-east-1", name));
        Assert.Equal(second.Single(v => v.Get<string>("Region") == "eu-west-1").Get<string>("LayerVersionArn"), Parameter("eu-west-1", name)); // other region untouched

        _moto.Run(removeNewest, variables).AssertSucceeded();
        Assert.Null(Parameter("us-east-1", name));

        var bad = _moto.Run("Publish-OcelotLayer -Path $one -Distribution dist$id -Architecture amd64 -Region us-east-1 -SkipMetadata -ParameterPath /aws/x", variables);
        Assert.StartsWith("ParameterPathInvalid,", Assert.Single(bad.ErrorIds));
        Assert.Empty(bad.Output);

        // The SSM client shipped in bin/dependencies loads in Ocelot's own context, never in the default one.
        Assert.Contains(System.Runtime.Loader.AssemblyLoadContext.All.Single(c => c.Name == "Ocelot").Assemblies, a => a.GetName().Name == "AWSSDK.SimpleSystemsManagement");
        Assert.DoesNotContain(System.Runtime.Loader.AssemblyLoadContext.Default.Assemblies, a => a.GetName().Name == "AWSSDK.SimpleSystemsManagement");
    }

    [Fact]
    public void Copies_go_to_another_account_given_by_keys_and_a_secret_is_never_shown()
    {
        var (source, sha) = PublishSource();
        // moto ties the temporary credentials of an assumed role to that role's account, as AWS does.
        var credentials = _moto.Cli("sts", "assume-role", "--role-arn", "arn:aws:iam::111111111111:role/ocelot-promote", "--role-session-name", "ocelot-test")
            .GetProperty("Credentials");
        var keys = new Dictionary<string, object?>
        {
            ["arn"] = source, ["endpoint"] = _standIn.Endpoint,
            ["ak"] = credentials.GetProperty("AccessKeyId").GetString(), ["sk"] = credentials.GetProperty("SecretAccessKey").GetString(),
            ["st"] = credentials.GetProperty("SessionToken").GetString(),
        };
        const string copy = "Copy-OcelotLayer $arn -Region eu-west-1 -TargetAccessKey $ak -TargetSecretKey $sk -TargetSessionToken $st -SkipMetadata -EndpointUrl $endpoint -Force -Verbose";
        var result = _moto.Run(copy, keys).AssertSucceeded();
        var arn = Assert.Single(result.Output).Get<string>("LayerVersionArn");
        Assert.StartsWith("arn:aws:lambda:eu-west-1:111111111111:layer:", arn);
        Assert.Equal(sha, Assert.Single(result.Output).Get<string>("CodeSha256"));
        Assert.Empty(Versions("eu-west-1")); // nothing in the source account
        Assert.DoesNotContain((string)keys["sk"]!, result.VerboseText + result.HostText);
        Assert.Equal("Reused", Assert.Single(_moto.Run(copy, keys).AssertSucceeded().Output).Get<string>("Status"));

        var incomplete = _moto.Run("Copy-OcelotLayer $arn -Region eu-west-1 -TargetSecretKey $sk -EndpointUrl $endpoint -Force", keys);
        Assert.StartsWith("CopyTargetInvalid,", Assert.Single(incomplete.ErrorIds));
        Assert.DoesNotContain((string)keys["sk"]!, incomplete.AllErrors.Single().ToString());
    }
}
