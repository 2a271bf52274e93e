using System.IO.Compression;
using System.Management.Automation;
using System.Security.Cryptography;
using System.Text.Json;
using Ocelot.Module.Tests.Fixtures;
using Ocelot.Module.Tests.Harness;
using Xunit;

namespace Ocelot.Module.Tests;

/// <summary>Publish-OcelotLayer and Initialize-OcelotMetadataTable against moto_server, checked with the AWS CLI.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class PublishOcelotLayerTests : IClassFixture<MotoServer>, IDisposable
{
    private static readonly string[] ThreeRegions = ["us-east-1", "eu-west-1", "ap-southeast-2"];
    private readonly MotoServer _moto;
    private readonly TempFolder _files = new("ocelot-publish-");
    private readonly string _table = "ocelot-layers-" + Guid.NewGuid().ToString("N")[..8];

    private readonly BuildEnvironment _build;

    public PublishOcelotLayerTests(MotoServer moto, BuildEnvironment build)
    {
        _moto = moto;
        _build = build;
    }

    public void Dispose()
    {
        _files.Dispose();
    }

    /// <summary>A small layer zip with random content, so every test publishes content of its own.</summary>
    private string LayerZip(int bytes = 4096, string name = "layer.zip") => LayerZips.Write(Path.Combine(_files.Path, name), bytes);

    private PipelineResult Run(string script, IReadOnlyDictionary<string, object?>? variables = null)
    {
        var all = new Dictionary<string, object?> { ["table"] = _table };
        foreach (var (k, v) in variables ?? new Dictionary<string, object?>()) all[k] = v;
        return _moto.Run(script, all);
    }

    private string Publish(string zip, string distribution = "minimal") =>
        $"Publish-OcelotLayer -Path '{zip}' -Distribution {distribution} -Architecture amd64 -CollectorVersion v0.158.0 " +
        "-BuildTags lambdacomponents.custom, lambdacomponents.exporter.otlphttp -MetadataTable $table -MetadataRegion us-east-1 -Confirm:$false";

    private void CreateTable() => Run("Initialize-OcelotMetadataTable -TableName $table -Region us-east-1 -Confirm:$false").AssertSucceeded();

    private JsonElement Versions(string region, string layer) =>
        _moto.Cli("lambda", "list-layer-versions", "--region", region, "--layer-name", layer).GetProperty("LayerVersions");

    [Fact]
    public void Publishes_one_artifact_to_three_regions_with_the_reference_name_description_and_metadata()
    {
        CreateTable();
        var zip = LayerZip(name: "three.zip");
        var md5 = Convert.ToHexString(MD5.HashData(File.ReadAllBytes(zip))).ToLowerInvariant();
        var distribution = "three-" + Guid.NewGuid().ToString("N")[..6];
        var result = Run(Publish(zip, distribution) + " -Region us-east-1, eu-west-1, ap-southeast-2 -CompatibleRuntime python3.12, nodejs22.x").AssertSucceeded();
        Assert.Equal(ThreeRegions, result.Output.Select(o => o.Get<string>("Region")));
        var name = $"ocel-amd64-{distribution}-0_158_0-prod";
        foreach (var (region, output) in ThreeRegions.Zip(result.Output))
        {
            Assert.Equal("Published", output.Get<string>("Status"));
            Assert.Equal(name, output.Get<string>("LayerName"));
            var listed = Assert.Single(Versions(region, name).EnumerateArray());
            Assert.Equal($"md5: {md5} | custom, exporter.otlphttp", listed.GetProperty("Description").GetString());
            Assert.Equal("x86_64", listed.GetProperty("CompatibleArchitectures")[0].GetString());
            Assert.Equal("Apache-2.0", listed.GetProperty("LicenseInfo").GetString());
            var arn = listed.GetProperty("LayerVersionArn").GetString()!;
            Assert.Equal(arn, output.Get<string>("LayerVersionArn"));
            Assert.Contains($":{region}:", arn);
            var got = _moto.Cli("lambda", "get-layer-version", "--region", region, "--layer-name", name, "--version-number", "1");
            Assert.Equal(Convert.ToBase64String(SHA256.HashData(File.ReadAllBytes(zip))), got.GetProperty("Content").GetProperty("CodeSha256").GetString());
            Assert.Equal(["python3.12", "nodejs22.x"], got.GetProperty("CompatibleRuntimes").EnumerateArray().Select(e => e.GetString()));
            Assert.Empty(output.Get<string[]>("SharedWith"));

            // The metadata item, in the metadata table's region (us-east-1) whatever the layer's region, as the reference wrote it.
            var item = _moto.Cli("dynamodb", "get-item", "--region", "us-east-1", "--table-name", _table, "--key", $"{{\"layer_arn\":{{\"S\":\"{arn}\"}}}}").GetProperty("Item");
            Assert.Equal(distribution, item.GetProperty("distribution").GetProperty("S").GetString());
            Assert.Equal(arn[..arn.LastIndexOf(':')], item.GetProperty("base_layer_arn").GetProperty("S").GetString());
            Assert.Equal("1", item.GetProperty("version").GetProperty("N").GetString());
            Assert.Equal(region, item.GetProperty("region").GetProperty("S").GetString());
            Assert.Equal(name, item.GetProperty("base_name").GetProperty("S").GetString());
            Assert.Equal("amd64", item.GetProperty("architecture").GetProperty("S").GetString());
            Assert.Equal("0_158_0", item.GetProperty("layer_version_str").GetProperty("S").GetString());
            Assert.Equal("v0.158.0", item.GetProperty("collector_version_input").GetProperty("S").GetString());
            Assert.Equal(md5, item.GetProperty("md5_hash").GetProperty("S").GetString());
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?\+00:00$", item.GetProperty("publish_timestamp").GetProperty("S").GetString());
            Assert.False(item.GetProperty("public").GetProperty("BOOL").GetBoolean());
            Assert.Equal(["python3.12", "nodejs22.x"], item.GetProperty("compatible_runtimes").GetProperty("L").EnumerateArray().Select(e => e.GetProperty("S").GetString()));
            Assert.False(item.TryGetProperty("distribution_description", out _));
        }
    }

    [Fact]
    public void A_built_artifact_pipes_into_publishing_and_its_provenance_is_recorded()
    {
        CreateTable();
        using var output = new TempFolder();
        var result = Run("Get-OcelotDistribution minimal-forwarder | Invoke-OcelotBuild -UpstreamRepo $upstream -OutputDirectory $out | " +
            "Publish-OcelotLayer -Region eu-central-1 -ReleaseGroup beta -MetadataTable $table -MetadataRegion us-east-1 -Confirm:$false",
            new Dictionary<string, object?> { ["upstream"] = _build.UpstreamFolder, ["out"] = output.Path }).AssertSucceeded();
        var version = Assert.Single(result.Output);
        Assert.Equal("ocel-amd64-minimal-forwarder-0_158_0-beta", version.Get<string>("LayerName"));
        Assert.Equal("minimal-forwarder", version.Get<string>("Distribution"));
        var zip = Path.Combine(output.Path, "collector-amd64-minimal-forwarder.zip");
        Assert.Equal(Convert.ToBase64String(SHA256.HashData(File.ReadAllBytes(zip))), version.Get<string>("CodeSha256"));
        var item = _moto.Cli("dynamodb", "get-item", "--region", "us-east-1", "--table-name", _table, "--key",
            $"{{\"layer_arn\":{{\"S\":\"{version.Get<string>("LayerVersionArn")}\"}}}}").GetProperty("Item");
        Assert.Equal(_build.UpstreamCommit, item.GetProperty("upstream_commit").GetProperty("S").GetString());
        Assert.StartsWith("Minimal + Span Event to Log connector", item.GetProperty("distribution_description").GetProperty("S").GetString());
        Assert.Equal("beta", item.GetProperty("release_group").GetProperty("S").GetString());
        Assert.Equal(8, item.GetProperty("build_tags").GetProperty("L").GetArrayLength());
    }

    [Fact]
    public void A_token_in_a_hand_given_upstream_URL_is_never_stored_in_the_metadata_item()
    {
        CreateTable();
        var zip = LayerZip(name: "token.zip");
        var distribution = "token-" + Guid.NewGuid().ToString("N")[..6];
        var result = Run($"Publish-OcelotLayer -Path '{zip}' -Distribution {distribution} -Architecture amd64 -CollectorVersion v0.158.0 " +
            "-UpstreamRepo 'https://x-access-token:ghp_NeverStoreMe42@github.com/org/fork' -UpstreamCommit 0123456789abcdef0123456789abcdef01234567 " +
            "-Region us-east-1 -MetadataTable $table -MetadataRegion us-east-1 -Confirm:$false -Verbose").AssertSucceeded();
        var arn = Assert.Single(result.Output).Get<string>("LayerVersionArn");
        var item = _moto.Cli("dynamodb", "get-item", "--region", "us-east-1", "--table-name", _table, "--key", $"{{\"layer_arn\":{{\"S\":\"{arn}\"}}}}").GetProperty("Item");
        Assert.Equal("https://***@github.com/org/fork", item.GetProperty("upstream_repo").GetProperty("S").GetString());
        Assert.DoesNotContain("ghp_NeverStoreMe42", item.GetRawText());
        Assert.DoesNotContain("ghp_NeverStoreMe42", result.VerboseText + result.HostText);
    }

    [Fact]
    public void Publishing_the_same_zip_again_reuses_the_version_and_AllowDuplicate_publishes_a_new_one()
    {
        CreateTable();
        var zip = LayerZip(name: "again.zip");
        var distribution = "again-" + Guid.NewGuid().ToString("N")[..6];
        var name = $"ocel-amd64-{distribution}-0_158_0-prod";
        Run(Publish(zip, distribution) + " -Region eu-west-1").AssertSucceeded();
        var again = Assert.Single(Run(Publish(zip, distribution) + " -Region eu-west-1").AssertSucceeded().Output);
        Assert.Equal("Reused", again.Get<string>("Status"));
        Assert.Equal(1L, again.Get<long>("Version"));
        Assert.Single(Versions("eu-west-1", name).EnumerateArray());

        var forced = Assert.Single(Run(Publish(zip, distribution) + " -Region eu-west-1 -AllowDuplicate").AssertSucceeded().Output);
        Assert.Equal("Published", forced.Get<string>("Status"));
        Assert.Equal(2L, forced.Get<long>("Version"));
        Assert.Equal(2, Versions("eu-west-1", name).GetArrayLength());
    }

    [Fact]
    public void A_reused_version_without_a_metadata_item_gets_one()
    {
        CreateTable();
        var zip = LayerZip(name: "repair.zip");
        var distribution = "repair-" + Guid.NewGuid().ToString("N")[..6];
        var first = Assert.Single(Run(Publish(zip, distribution) + " -Region us-east-1 -SkipMetadata").AssertSucceeded().Output);
        var key = $"{{\"layer_arn\":{{\"S\":\"{first.Get<string>("LayerVersionArn")}\"}}}}";
        var before = _moto.Cli("dynamodb", "get-item", "--region", "us-east-1", "--table-name", _table, "--key", key);
        Assert.False(before.ValueKind == JsonValueKind.Object && before.TryGetProperty("Item", out _), "-SkipMetadata wrote an item");

        var reused = Assert.Single(Run(Publish(zip, distribution) + " -Region us-east-1 -Public").AssertSucceeded().Output);
        Assert.Equal("Reused", reused.Get<string>("Status"));
        var item = _moto.Cli("dynamodb", "get-item", "--region", "us-east-1", "--table-name", _table, "--key", key).GetProperty("Item");
        Assert.Equal(distribution, item.GetProperty("distribution").GetProperty("S").GetString());
        Assert.True(item.GetProperty("public").GetProperty("BOOL").GetBoolean());
    }

    [Fact]
    public void Public_and_Principal_grants_appear_in_the_policy_once_even_when_asked_twice()
    {
        var zip = LayerZip(name: "shared.zip");
        var distribution = "shared-" + Guid.NewGuid().ToString("N")[..6];
        var name = $"ocel-amd64-{distribution}-0_158_0-prod";
        var first = Assert.Single(Run(Publish(zip, distribution) + " -Region us-east-1 -Public -Principal 111122223333 -SkipMetadata").AssertSucceeded().Output);
        Assert.Equal(["*", "111122223333"], first.Get<string[]>("SharedWith"));
        Assert.True(first.Get<bool>("Public"));
        var policy = JsonDocument.Parse(_moto.Cli("lambda", "get-layer-version-policy", "--region", "us-east-1", "--layer-name", name, "--version-number", "1").GetProperty("Policy").GetString()!);
        var statements = policy.RootElement.GetProperty("Statement").EnumerateArray().ToList();
        Assert.Equal(2, statements.Count);
        Assert.All(statements, s => Assert.Equal("lambda:GetLayerVersion", s.GetProperty("Action").GetString()));

        var reused = Assert.Single(Run(Publish(zip, distribution) + " -Region us-east-1 -Public -Principal 111122223333 -SkipMetadata").AssertSucceeded().Output);
        Assert.Equal("Reused", reused.Get<string>("Status"));
        var after = JsonDocument.Parse(_moto.Cli("lambda", "get-layer-version-policy", "--region", "us-east-1", "--layer-name", name, "--version-number", "1").GetProperty("Policy").GetString()!);
        Assert.Equal(2, after.RootElement.GetProperty("Statement").GetArrayLength());
    }

    [Fact]
    public void Without_sharing_switches_a_version_stays_private()
    {
        var zip = LayerZip(name: "private.zip");
        var distribution = "private-" + Guid.NewGuid().ToString("N")[..6];
        Run(Publish(zip, distribution) + " -Region us-east-1 -SkipMetadata").AssertSucceeded();
        var ex = Assert.Throws<AwsCliException>(() => _moto.Cli("lambda", "get-layer-version-policy", "--region", "us-east-1",
            "--layer-name", $"ocel-amd64-{distribution}-0_158_0-prod", "--version-number", "1"));
        Assert.Contains("ResourceNotFound", ex.Error);
    }

    [Fact]
    public void A_zip_over_the_direct_upload_limit_is_staged_in_S3_then_the_staged_object_is_removed()
    {
        using var limit = new EnvironmentScope().Set("OCELOT_DIRECT_UPLOAD_LIMIT", "1000");
        foreach (var region in new[] { "eu-west-1", "us-east-1" })
        {
            var bucket = $"stage-{region}";
            try { _moto.Cli(["s3api", "create-bucket", "--bucket", bucket, "--region", region, .. region == "us-east-1" ? Array.Empty<string>() : ["--create-bucket-configuration", $"LocationConstraint={region}"]]); }
            catch (AwsCliException ex) when (ex.Error.Contains("BucketAlready")) { }
        }
        var zip = LayerZip(bytes: 200_000, name: "big.zip");
        var distribution = "big-" + Guid.NewGuid().ToString("N")[..6];
        var result = Run(Publish(zip, distribution) + " -Region eu-west-1, us-east-1 -S3Bucket 'stage-{region}' -SkipMetadata -Verbose").AssertSucceeded();
        Assert.Equal(2, result.Output.Count);
        Assert.Contains("s3://stage-eu-west-1/ocelot-staging/", result.VerboseText);
        var got = _moto.Cli("lambda", "get-layer-version", "--region", "eu-west-1", "--layer-name", $"ocel-amd64-{distribution}-0_158_0-prod", "--version-number", "1");
        Assert.Equal(Convert.ToBase64String(SHA256.HashData(File.ReadAllBytes(zip))), got.GetProperty("Content").GetProperty("CodeSha256").GetString());
        Assert.False(_moto.Cli("s3api", "list-objects-v2", "--bucket", "stage-eu-west-1", "--region", "eu-west-1").TryGetProperty("Contents", out _));

        var kept = LayerZip(bytes: 200_000, name: "kept.zip");
        Run(Publish(kept, distribution + "k") + " -Region eu-west-1 -S3Bucket stage-eu-west-1 -KeepStagedObject -SkipMetadata").AssertSucceeded();
        Assert.Single(_moto.Cli("s3api", "list-objects-v2", "--bucket", "stage-eu-west-1", "--region", "eu-west-1").GetProperty("Contents").EnumerateArray());
    }

    [Fact]
    public void A_zip_over_the_limit_without_a_bucket_stops_before_anything_is_uploaded()
    {
        using var limit = new EnvironmentScope().Set("OCELOT_DIRECT_UPLOAD_LIMIT", "1000");
        var distribution = "toolarge-" + Guid.NewGuid().ToString("N")[..6];
        var result = Run($"try {{ {Publish(LayerZip(bytes: 5000, name: "large.zip"), distribution)} -Region us-east-1 -SkipMetadata }} catch {{ 'caught ' + $_.FullyQualifiedErrorId; $_.ErrorDetails.RecommendedAction }}");
        Assert.Equal("caught LayerTooLargeForDirectUpload,Ocelot.Commands.PublishOcelotLayerCommand", result.Output[0].BaseObject);
        Assert.Contains("-S3Bucket", (string)result.Output[1].BaseObject);
        Assert.Equal(0, _moto.Cli("lambda", "list-layers", "--region", "us-east-1").GetProperty("Layers").EnumerateArray()
            .Count(l => l.GetProperty("LayerName").GetString()!.Contains(distribution)));
    }

    [Fact]
    public void WhatIf_says_per_region_what_would_be_published_and_changes_nothing()
    {
        var distribution = "whatif-" + Guid.NewGuid().ToString("N")[..6];
        var result = Run(Publish(LayerZip(name: "whatif.zip"), distribution) + " -Region us-east-1, eu-west-1 -Principal 111122223333 -WhatIf").AssertSucceeded();
        Assert.Empty(result.Output);
        var lines = result.HostText.Split('\n').Where(l => l.StartsWith("What if:")).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Contains($"'ocel-amd64-{distribution}-0_158_0-prod'", lines[0]);
        Assert.Contains("us-east-1", lines[0]);
        Assert.Contains("shared with 111122223333", lines[0]);
        Assert.Contains("eu-west-1", lines[1]);
        foreach (var region in new[] { "us-east-1", "eu-west-1" })
            Assert.DoesNotContain(_moto.Cli("lambda", "list-layers", "--region", region).GetProperty("Layers").EnumerateArray(),
                l => l.GetProperty("LayerName").GetString()!.Contains(distribution));
    }

    [Fact]
    public void An_invalid_region_is_refused_with_a_suggestion()
    {
        var result = Run($"try {{ {Publish(LayerZip(name: "region.zip"))} -Region us-east-1, eu-wset-1 }} catch {{ 'caught ' + $_.FullyQualifiedErrorId; $_.Exception.Message }}");
        Assert.Equal("caught RegionInvalid,Ocelot.Commands.PublishOcelotLayerCommand", result.Output[0].BaseObject);
        Assert.Contains("Did you mean 'eu-west-1'", (string)result.Output[1].BaseObject);
    }

    [Fact]
    public void A_missing_zip_and_a_too_long_name_are_clear_errors()
    {
        var missing = Run(Publish(Path.Combine(_files.Path, "nothing.zip")) + " -Region us-east-1");
        Assert.Equal("LayerZipNotFound,Ocelot.Commands.PublishOcelotLayerCommand", Assert.Single(missing.AllErrors).FullyQualifiedErrorId);
        var tooLong = Run(Publish(LayerZip(name: "long.zip"), new string('d', 90)) + " -Region us-east-1");
        var error = Assert.Single(tooLong.AllErrors);
        Assert.Equal("LayerNameInvalid,Ocelot.Commands.PublishOcelotLayerCommand", error.FullyQualifiedErrorId);
        Assert.Contains("140", error.Exception.Message);
    }

    [Fact]
    public void Without_credentials_each_region_reports_a_clear_error()
    {
        // No keys, no profile, empty shared files and no instance metadata: every source of the SDK's chain is empty.
        using var noCredentials = new EnvironmentScope()
            .Set("AWS_ACCESS_KEY_ID", null).Set("AWS_SECRET_ACCESS_KEY", null).Set("AWS_SESSION_TOKEN", null).Set("AWS_PROFILE", null)
            .Set("AWS_CONFIG_FILE", _moto.NoConfigFile).Set("AWS_SHARED_CREDENTIALS_FILE", _moto.NoCredentialsFile)
            .Set("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", null).Set("AWS_CONTAINER_CREDENTIALS_FULL_URI", null)
            .Set("AWS_WEB_IDENTITY_TOKEN_FILE", null).Set("AWS_EC2_METADATA_DISABLED", "true");
        var result = ModuleSession.Run(Publish(LayerZip(name: "nocreds.zip"), "nocreds") + " -Region us-east-1 -SkipMetadata -EndpointUrl $endpoint",
            new Dictionary<string, object?> { ["table"] = _table, ["endpoint"] = _moto.Endpoint });
        var error = Assert.Single(result.AllErrors);
        Assert.Equal("CredentialsNotFound,Ocelot.Commands.PublishOcelotLayerCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
    }

    [Fact]
    public void A_missing_metadata_table_is_a_warning_naming_the_command_that_creates_it()
    {
        var result = Run(Publish(LayerZip(name: "notable.zip"), "notable-" + Guid.NewGuid().ToString("N")[..6]) + " -Region us-east-1, eu-west-1").AssertSucceeded();
        Assert.Equal(2, result.Output.Count);
        var warning = Assert.Single(result.Warnings);
        Assert.Contains($"Initialize-OcelotMetadataTable -TableName {_table} -Region us-east-1", warning.Message);
    }

    [Fact]
    public void A_failing_region_is_a_non_terminating_error_and_the_others_publish()
    {
        using var proxy = new FailingRegionProxy(_moto.Endpoint, "eu-west-1");
        var distribution = "outage-" + Guid.NewGuid().ToString("N")[..6];
        var result = Run(Publish(LayerZip(name: "outage.zip"), distribution) + $" -Region us-east-1, eu-west-1, ap-southeast-2 -SkipMetadata -EndpointUrl {proxy.Endpoint}");
        Assert.Equal(["us-east-1", "ap-southeast-2"], result.Output.Select(o => o.Get<string>("Region")));
        var error = Assert.Single(result.AllErrors);
        Assert.StartsWith("ExistingVersionCheckFailed,", error.FullyQualifiedErrorId);
        Assert.Contains("eu-west-1", error.Exception.Message);
    }

    [Fact]
    public void Initialize_creates_the_reference_schema_once_and_refuses_a_table_with_another_schema()
    {
        var created = Assert.Single(Run("Initialize-OcelotMetadataTable -TableName $table -Region us-east-1 -Confirm:$false").AssertSucceeded().Output);
        Assert.Equal("Created", created.Get<string>("Status"));
        var table = _moto.Cli("dynamodb", "describe-table", "--region", "us-east-1", "--table-name", _table).GetProperty("Table");
        Assert.Equal("layer_arn", table.GetProperty("KeySchema")[0].GetProperty("AttributeName").GetString());
        Assert.Equal(["base-layer-index", "distribution-index"], table.GetProperty("GlobalSecondaryIndexes").EnumerateArray().Select(i => i.GetProperty("IndexName").GetString()).Order());
        Assert.Equal("AlreadyExists", Assert.Single(Run("Initialize-OcelotMetadataTable -TableName $table -Region us-east-1 -Confirm:$false").AssertSucceeded().Output).Get<string>("Status"));

        var other = "other-" + Guid.NewGuid().ToString("N")[..8];
        _moto.Cli("dynamodb", "create-table", "--region", "us-east-1", "--table-name", other, "--billing-mode", "PAY_PER_REQUEST",
            "--attribute-definitions", "AttributeName=pk,AttributeType=S", "--key-schema", "AttributeName=pk,KeyType=HASH");
        var mismatch = Run($"Initialize-OcelotMetadataTable -TableName {other} -Region us-east-1 -Confirm:$false");
        Assert.Equal("MetadataTableSchemaMismatch,Ocelot.Commands.InitializeOcelotMetadataTableCommand", Assert.Single(mismatch.AllErrors).FullyQualifiedErrorId);
    }
}
