using System.Text.Json;

using Ocelot.Engine.Aws.Metadata;

namespace Ocelot.Engine.Tests.Aws.Metadata;

[Collection(MotoCollection.Name)]
public sealed class TableSchemaTests(MotoServerFixture moto)
{
    [Fact]
    public async Task EnsureTable_creates_exactly_the_reference_schema()
    {
        var name = MotoServerFixture.UniqueTableName("schema");
        var table = new LayerMetadataTable(moto.CreateClient(), name);

        Assert.False(await table.ExistsAsync());
        Assert.Equal(TableState.Created, await table.EnsureTableAsync());
        Assert.True(await table.ExistsAsync());

        var description = moto.Aws("dynamodb", "describe-table", "--table-name", name).GetProperty("Table");
        Assert.Equal("ACTIVE", description.GetProperty("TableStatus").GetString());
        Assert.Equal("PAY_PER_REQUEST", description.GetProperty("BillingModeSummary").GetProperty("BillingMode").GetString());
        Assert.Equal(["layer_arn HASH"], Keys(description.GetProperty("KeySchema")));
        Assert.Equal(
            ["base_layer_arn S", "distribution S", "layer_arn S", "version N"],
            description.GetProperty("AttributeDefinitions").EnumerateArray()
                .Select(a => $"{a.GetProperty("AttributeName").GetString()} {a.GetProperty("AttributeType").GetString()}")
                .Order());
        // moto lists an empty LocalSecondaryIndexes; DynamoDB leaves it out.
        if (description.TryGetProperty("LocalSecondaryIndexes", out var localIndexes))
            Assert.Equal(0, localIndexes.GetArrayLength());

        var indexes = description.GetProperty("GlobalSecondaryIndexes").EnumerateArray()
            .ToDictionary(i => i.GetProperty("IndexName").GetString()!);
        Assert.Equal(["base-layer-index", "distribution-index"], indexes.Keys.Order());
        Assert.Equal(["distribution HASH", "layer_arn RANGE"], Keys(indexes["distribution-index"].GetProperty("KeySchema")));
        Assert.Equal(["base_layer_arn HASH", "version RANGE"], Keys(indexes["base-layer-index"].GetProperty("KeySchema")));
        foreach (var index in indexes.Values)
            Assert.Equal("ALL", index.GetProperty("Projection").GetProperty("ProjectionType").GetString());
    }

    [Fact]
    public async Task EnsureTable_twice_reports_that_the_table_already_exists()
    {
        var table = new LayerMetadataTable(moto.CreateClient(), MotoServerFixture.UniqueTableName("twice"));

        Assert.Equal(TableState.Created, await table.EnsureTableAsync());
        Assert.Equal(TableState.AlreadyExists, await table.EnsureTableAsync());
    }

    [Fact]
    public async Task EnsureTable_on_a_table_with_another_key_lists_the_differences()
    {
        var name = MotoServerFixture.UniqueTableName("otherkey");
        moto.Aws("dynamodb", "create-table", "--table-name", name,
            "--attribute-definitions", "AttributeName=id,AttributeType=S",
            "--key-schema", "AttributeName=id,KeyType=HASH",
            "--billing-mode", "PAY_PER_REQUEST");
        var table = new LayerMetadataTable(moto.CreateClient(), name);

        var error = await Assert.ThrowsAsync<MetadataTableException>(() => table.EnsureTableAsync());

        Assert.Equal(MetadataTableProblem.SchemaMismatch, error.Problem);

        Assert.Equal(name, error.TableName);
        Assert.Equal(
            [
                "table key is [id HASH], expected [layer_arn HASH]",
                "global secondary index 'distribution-index' is missing",
                "global secondary index 'base-layer-index' is missing",
            ],
            error.Differences);
    }

    [Fact]
    public async Task EnsureTable_on_a_table_with_other_indexes_lists_the_differences()
    {
        var name = MotoServerFixture.UniqueTableName("otherindex");
        moto.Aws("dynamodb", "create-table", "--table-name", name,
            "--attribute-definitions", "AttributeName=layer_arn,AttributeType=S",
            "AttributeName=distribution,AttributeType=S", "AttributeName=base_layer_arn,AttributeType=S",
            "AttributeName=version,AttributeType=S",
            "--key-schema", "AttributeName=layer_arn,KeyType=HASH",
            "--billing-mode", "PAY_PER_REQUEST",
            "--global-secondary-indexes", JsonSerializer.Serialize(new object[]
            {
                new
                {
                    IndexName = "distribution-index",
                    KeySchema = new[] { new { AttributeName = "distribution", KeyType = "HASH" } },
                    Projection = new { ProjectionType = "KEYS_ONLY" },
                },
                new
                {
                    IndexName = "base-layer-index",
                    KeySchema = new[]
                    {
                        new { AttributeName = "base_layer_arn", KeyType = "HASH" },
                        new { AttributeName = "version", KeyType = "RANGE" },
                    },
                    Projection = new { ProjectionType = "ALL" },
                },
            }));
        var table = new LayerMetadataTable(moto.CreateClient(), name);

        var error = await Assert.ThrowsAsync<MetadataTableException>(() => table.EnsureTableAsync());

        Assert.Equal(MetadataTableProblem.SchemaMismatch, error.Problem);

        Assert.Equal(
            [
                "index 'distribution-index' key is [distribution HASH], expected [distribution HASH, layer_arn RANGE]",
                "index 'distribution-index' projects KEYS_ONLY, expected ALL",
                "attribute 'version' is of type S, expected N",
            ],
            error.Differences);
    }

    private static IEnumerable<string> Keys(JsonElement keySchema) =>
        keySchema.EnumerateArray().Select(k => $"{k.GetProperty("AttributeName").GetString()} {k.GetProperty("KeyType").GetString()}");
}
