using System.Security.Cryptography;
using System.Text.Json;
using Ocelot.Module.Tests.Fixtures;
using Ocelot.Module.Tests.Harness;
using Xunit;

namespace Ocelot.Module.Tests;

/// <summary>
/// PublishLayerVersion is not idempotent: lost replies, failed attempts and concurrent publishers never leave two
/// versions of one zip without saying so. moto does the work; a loopback proxy in front of it loses replies (the
/// sanctioned stand-in for a network fault); the AWS CLI counts the versions.
/// </summary>
public sealed class PublishExactlyOnceTests : IClassFixture<MotoServer>, IDisposable
{
    private readonly MotoServer _moto;
    private readonly TempFolder _files = new("ocelot-once-");
    private readonly string _distribution = "once-" + Guid.NewGuid().ToString("N")[..6];

    public PublishExactlyOnceTests(MotoServer moto)
    {
        _moto = moto;
    }

    public void Dispose()
    {
        _files.Dispose();
    }

    private string Layer => $"ocel-amd64-{_distribution}-0_158_0-prod";

    private string Zip(string name = "layer.zip") => LayerZips.Write(Path.Combine(_files.Path, name));

    private string Publish(string zip, string endpoint, string extra = "-SkipMetadata") =>
        $"Publish-OcelotLayer -Path '{zip}' -Distribution {_distribution} -Architecture amd64 -CollectorVersion v0.158.0 -Region eu-west-1 " +
        $"-EndpointUrl {endpoint} -Confirm:$false -Verbose {extra}";

    private List<JsonElement> Versions(string region = "eu-west-1")
    {
        try
        {
            return _moto.Cli("lambda", "list-layer-versions", "--region", region, "--layer-name", Layer).GetProperty("LayerVersions").EnumerateArray().ToList();
        }
        catch (AwsCliException)
        {
            return [];
        }
    }

    private static int PublishRequests(LostReplyProxy proxy) => proxy.Requests.Count(r => LostReplyProxy.IsPublish(r.Split(' ')[0], r.Split(' ')[1]));

    [Fact]
    public void A_lost_reply_after_Lambda_made_the_version_finds_it_and_publishes_nothing_more()
    {
        using var proxy = new LostReplyProxy(_moto.Endpoint, LostReplyProxy.IsPublish, lose: 1);
        var zip = Zip();
        var result = _moto.Run(Publish(zip, proxy.Endpoint)).AssertSucceeded();
        Assert.Equal(1, proxy.Lost);
        Assert.Equal(1, PublishRequests(proxy)); // no SDK retry, no second attempt
        var version = Assert.Single(Versions());
        var output = Assert.Single(result.Output);
        Assert.Equal("Published", output.Get<string>("Status"));
        Assert.Equal(version.GetProperty("LayerVersionArn").GetString(), output.Get<string>("LayerVersionArn"));
        Assert.Equal(Convert.ToBase64String(SHA256.HashData(File.ReadAllBytes(zip))), output.Get<string>("CodeSha256"));
        Assert.Contains("the reply was lost", result.VerboseText);
    }

    [Fact]
    public void A_lost_reply_to_a_publish_from_S3_finds_the_version_too_and_the_staged_object_is_deleted()
    {
        var bucket = "once-" + Guid.NewGuid().ToString("N")[..8];
        _moto.Cli("s3api", "create-bucket", "--bucket", bucket, "--region", "eu-west-1", "--create-bucket-configuration", "LocationConstraint=eu-west-1");
        using var proxy = new LostReplyProxy(_moto.Endpoint, LostReplyProxy.IsPublish, lose: 1);
        var result = _moto.Run(Publish(Zip(), proxy.Endpoint, $"-SkipMetadata -S3Bucket {bucket}")).AssertSucceeded();
        Assert.Equal(1, proxy.Lost);
        Assert.Equal(1, PublishRequests(proxy));
        Assert.Equal(Assert.Single(Versions()).GetProperty("LayerVersionArn").GetString(), Assert.Single(result.Output).Get<string>("LayerVersionArn"));
        Assert.False(_moto.Cli("s3api", "list-objects-v2", "--bucket", bucket, "--region", "eu-west-1").TryGetProperty("Contents", out _));
    }

    [Fact]
    public void A_request_lost_on_the_way_is_tried_again_after_looking_and_makes_one_version()
    {
        using var proxy = new LostReplyProxy(_moto.Endpoint, LostReplyProxy.IsPublish, lose: 1) { ForwardLost = false };
        var result = _moto.Run(Publish(Zip(), proxy.Endpoint)).AssertSucceeded();
        Assert.Equal(2, PublishRequests(proxy));
        Assert.Single(Versions());
        Assert.Equal(1, Assert.Single(result.Output).Get<long>("Version"));
    }

    [Fact]
    public void When_every_attempt_is_lost_the_error_says_nothing_was_published_and_nothing_was()
    {
        using var proxy = new LostReplyProxy(_moto.Endpoint, LostReplyProxy.IsPublish, lose: 100) { ForwardLost = false };
        var result = _moto.Run(Publish(Zip(), proxy.Endpoint));
        var error = Assert.Single(result.AllErrors);
        Assert.StartsWith("LayerPublishOutcomeUnknown,", error.FullyQualifiedErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.ConnectionError, error.CategoryInfo.Category);
        Assert.Contains("nothing was published", error.Exception.Message);
        Assert.Equal(3, PublishRequests(proxy));
        Assert.Empty(Versions());
        Assert.Empty(result.Output);
    }

    [Fact]
    public void Publishing_again_after_a_lost_reply_reuses_the_version()
    {
        var zip = Zip();
        using (var proxy = new LostReplyProxy(_moto.Endpoint, LostReplyProxy.IsPublish, lose: 1))
            _moto.Run(Publish(zip, proxy.Endpoint)).AssertSucceeded();
        var again = _moto.Run(Publish(zip, _moto.Endpoint)).AssertSucceeded();
        Assert.Equal("Reused", Assert.Single(again.Output).Get<string>("Status"));
        Assert.Single(Versions());
    }

    [Fact]
    public async Task Two_publishes_of_the_same_zip_at_once_on_one_machine_end_with_one_version()
    {
        var zip = Zip();
        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => _moto.Run(Publish(zip, _moto.Endpoint)).AssertSucceeded())));
        Assert.Single(Versions());
        Assert.Equal(["Published", "Reused"], runs.Select(r => Assert.Single(r.Output).Get<string>("Status")).Order());
        Assert.Single(runs.Select(r => Assert.Single(r.Output).Get<string>("LayerVersionArn")).Distinct());
    }

    [Fact]
    public void A_duplicate_made_by_another_machine_at_the_same_moment_is_a_warning_naming_both_ARNs()
    {
        var zip = Zip();
        var md5 = Convert.ToHexString(MD5.HashData(File.ReadAllBytes(zip))).ToLowerInvariant();
        // The other machine publishes the same zip after this call looked for it and before its own publish arrives.
        using var proxy = new LostReplyProxy(_moto.Endpoint, LostReplyProxy.IsPublish, lose: 0)
        {
            BeforeFirstMatch = () => _moto.Cli("lambda", "publish-layer-version", "--region", "eu-west-1", "--layer-name", Layer,
                "--zip-file", "fileb://" + zip, "--description", $"md5: {md5}", "--compatible-architectures", "x86_64"),
        };
        var result = _moto.Run(Publish(zip, proxy.Endpoint)).AssertSucceeded();
        var arns = Versions().Select(v => v.GetProperty("LayerVersionArn").GetString()!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, arns.Count);
        Assert.Equal(arns[1], Assert.Single(result.Output).Get<string>("LayerVersionArn"));
        var warning = Assert.Single(result.Warnings);
        Assert.Contains(arns[0], warning.Message);
        Assert.Contains(arns[1], warning.Message);
        Assert.Contains("duplicate", warning.Message);
    }

    [Fact]
    public void A_metadata_table_with_another_schema_stops_the_call_before_anything_is_published_in_any_region()
    {
        var table = "other-schema-" + Guid.NewGuid().ToString("N")[..6];
        _moto.Cli("dynamodb", "create-table", "--region", "us-east-1", "--table-name", table, "--billing-mode", "PAY_PER_REQUEST",
            "--attribute-definitions", "AttributeName=pk,AttributeType=S", "--key-schema", "AttributeName=pk,KeyType=HASH");
        using var proxy = new LostReplyProxy(_moto.Endpoint, (_, _) => false, 0);
        var result = _moto.Run(Publish(Zip(), proxy.Endpoint, $"-MetadataTable {table} -MetadataRegion us-east-1").Replace("-Region eu-west-1", "-Region eu-west-1, ap-southeast-2"));
        var error = Assert.Single(result.AllErrors);
        Assert.StartsWith("MetadataTableSchemaMismatch,", error.FullyQualifiedErrorId);
        Assert.Contains("Nothing was published", error.Exception.Message);
        Assert.Equal(0, PublishRequests(proxy));
        Assert.Empty(Versions("eu-west-1"));
        Assert.Empty(Versions("ap-southeast-2"));
    }
}
