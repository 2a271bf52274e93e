using System.Text.Json;

using Ocelot.Engine.Aws.Metadata;

namespace Ocelot.Engine.Tests.Aws.Metadata;

[Collection(MotoCollection.Name)]
public sealed class ItemStorageTests(MotoServerFixture moto) : IAsyncLifetime
{
    private readonly string _tableName = MotoServerFixture.UniqueTableName("items");
    private LayerMetadataTable _table = null!;

    public async Task InitializeAsync()
    {
        _table = new LayerMetadataTable(moto.CreateClient(), _tableName);
        await _table.EnsureTableAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Put_writes_every_attribute_with_its_dynamodb_type()
    {
        var item = SampleItems.Full();

        await _table.PutAsync(item);

        Assert.Equal(new SortedDictionary<string, string>
        {
            ["layer_arn"] = "S:" + SampleItems.BaseLayerArn + ":3",
            ["distribution"] = "S:minimal",
            ["distribution_description"] = "S:Minimal collector with OTLP in and out",
            ["base_layer_arn"] = "S:" + SampleItems.BaseLayerArn,
            ["version"] = "N:3",
            ["region"] = "S:us-east-1",
            ["base_name"] = "S:ocel-amd64-minimal-0_158_0-beta",
            ["architecture"] = "S:amd64",
            ["layer_version_str"] = "S:0_158_0",
            ["collector_version_input"] = "S:v0.158.0",
            ["md5_hash"] = "S:9e107d9d372bb6826bd81d3542a419d6",
            ["publish_timestamp"] = "S:2025-07-02T14:29:23.123456+00:00",
            ["public"] = "BOOL:true",
            ["compatible_runtimes"] = "L:[S:python3.12, S:nodejs20.x]",
            ["sha256"] = "S:d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592",
            ["code_sha256"] = "S:16j7swfXgJRpypq8sAguT41WUeRtPNt2LQLQvzfJ5ZI=",
            ["code_size"] = "N:12345678",
            ["upstream_repo"] = "S:open-telemetry/opentelemetry-lambda",
            ["upstream_commit"] = "S:0123456789abcdef0123456789abcdef01234567",
            ["build_tags"] = "L:[S:lambdacomponents.custom, S:lambdacomponents.exporter.otlp]",
            ["shared_with"] = "L:[S:o-abc123def4, S:210987654321]",
            ["release_group"] = "S:beta",
            ["ocelot_version"] = "S:1.2.3",
        }, GetItemWithCli(item.LayerArn));
    }

    [Fact]
    public async Task Put_leaves_empty_optional_attributes_out()
    {
        var item = SampleItems.Minimal() with
        {
            DistributionDescription = "",
            PublishTimestamp = "",
            CompatibleRuntimes = [],
            SharedWith = [],
            Public = false,
        };

        await _table.PutAsync(item);

        Assert.Equal(
            ["architecture", "base_layer_arn", "distribution", "layer_arn", "md5_hash", "public", "region", "version"],
            GetItemWithCli(item.LayerArn).Keys);
        Assert.Equal("BOOL:false", GetItemWithCli(item.LayerArn)["public"]);
    }

    [Fact]
    public async Task Put_without_required_attributes_names_them_and_writes_nothing()
    {
        var item = SampleItems.Minimal() with { Region = "", Architecture = "" };

        var error = await Assert.ThrowsAsync<LayerMetadataValidationException>(() => _table.PutAsync(item));

        Assert.Equal(["region", "architecture"], error.MissingAttributes);
        Assert.Contains("region, architecture", error.Message);
        Assert.Null(await _table.GetAsync(item.LayerArn));
    }

    [Fact]
    public async Task Put_overwrites_an_existing_item()
    {
        var first = SampleItems.Full();
        await _table.PutAsync(first);

        await _table.PutAsync(SampleItems.Minimal(first.LayerArn) with { Md5Hash = "ffff" });

        var stored = await _table.GetAsync(first.LayerArn);
        Assert.Equal("ffff", stored!.Md5Hash);
        Assert.Null(stored.Sha256);
    }

    [Fact]
    public async Task Get_reads_back_what_Put_wrote()
    {
        var item = SampleItems.Full(version: 11);
        await _table.PutAsync(item);

        var stored = await _table.GetAsync(item.LayerArn);

        Assert.NotNull(stored);
        Assert.Equal(item with { CompatibleRuntimes = null, BuildTags = null, SharedWith = null },
            stored with { CompatibleRuntimes = null, BuildTags = null, SharedWith = null });
        Assert.Equal(item.SharedWith, stored.SharedWith);
        Assert.Null(await _table.GetAsync(SampleItems.BaseLayerArn + ":999"));
    }

    [Fact]
    public async Task Item_written_by_the_python_tool_reads_back()
    {
        const string writeLikeThePythonTool = """
            import sys, boto3
            from datetime import datetime, timezone
            endpoint, region, table, arn = sys.argv[1:5]
            stamp = datetime.now(timezone.utc).isoformat()
            boto3.resource('dynamodb', endpoint_url=endpoint, region_name=region).Table(table).put_item(Item={
                'layer_arn': arn,
                'distribution': 'full',
                'distribution_description': 'Everything',
                'base_layer_arn': arn.rsplit(':', 1)[0],
                'version': int(arn.rsplit(':', 1)[1]),
                'region': region,
                'base_name': 'ocel-arm64-full-0_158_0',
                'architecture': 'arm64',
                'layer_version_str': '0_158_0',
                'collector_version_input': 'v0.158.0',
                'md5_hash': '0cc175b9c0f1b6a831c399e269772661',
                'publish_timestamp': stamp,
                'public': False,
                'compatible_runtimes': ['java21', 'provided.al2023'],
            })
            print(stamp, end='')
            """;
        var arn = "arn:aws:lambda:us-east-1:123456789012:layer:ocel-arm64-full-0_158_0:42";
        var stamp = moto.Python(writeLikeThePythonTool, _tableName, arn);

        var stored = await _table.GetAsync(arn);

        Assert.Equal(new LayerMetadataItem
        {
            LayerArn = arn,
            Distribution = "full",
            DistributionDescription = "Everything",
            BaseLayerArn = "arn:aws:lambda:us-east-1:123456789012:layer:ocel-arm64-full-0_158_0",
            Version = 42,
            Region = "us-east-1",
            BaseName = "ocel-arm64-full-0_158_0",
            Architecture = "arm64",
            LayerVersionStr = "0_158_0",
            CollectorVersionInput = "v0.158.0",
            Md5Hash = "0cc175b9c0f1b6a831c399e269772661",
            PublishTimestamp = stamp,
            Public = false,
        }, stored! with { CompatibleRuntimes = null });
        Assert.Equal(["java21", "provided.al2023"], stored.CompatibleRuntimes);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?\+00:00$", stamp);
    }

    [Fact]
    public void Publish_timestamp_format_equals_pythons_own()
    {
        var instant = new DateTimeOffset(2025, 7, 2, 14, 29, 23, TimeSpan.Zero).AddTicks(1_234_560);

        var python = moto.Python("""
            from datetime import datetime, timezone
            print(datetime(2025, 7, 2, 14, 29, 23, 123456, tzinfo=timezone.utc).isoformat(), end='')
            """);

        Assert.Equal(python, PublishTimestamp.Format(instant));
    }

    [Fact]
    public async Task Delete_reports_whether_the_item_existed()
    {
        var item = SampleItems.Full(version: 5);
        await _table.PutAsync(item);

        Assert.True(await _table.DeleteAsync(item.LayerArn));
        Assert.False(await _table.DeleteAsync(item.LayerArn));
        Assert.Null(await _table.GetAsync(item.LayerArn));
    }

    /// <summary>The stored item as the AWS CLI shows it: attribute name → "TYPE:value".</summary>
    private SortedDictionary<string, string> GetItemWithCli(string layerArn)
    {
        var key = JsonSerializer.Serialize(new { layer_arn = new { S = layerArn } });
        var item = moto.Aws("dynamodb", "get-item", "--table-name", _tableName, "--consistent-read", "--key", key)
            .GetProperty("Item");
        return new SortedDictionary<string, string>(
            item.EnumerateObject().ToDictionary(a => a.Name, a => Render(a.Value)), StringComparer.Ordinal);
    }

    private static string Render(JsonElement attribute)
    {
        var typed = attribute.EnumerateObject().Single();
        return typed.Name + ":" + typed.Name switch
        {
            "L" => "[" + string.Join(", ", typed.Value.EnumerateArray().Select(Render)) + "]",
            "BOOL" => typed.Value.GetBoolean() ? "true" : "false",
            _ => typed.Value.GetString(),
        };
    }
}
