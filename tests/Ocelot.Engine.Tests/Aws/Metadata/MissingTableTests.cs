using Ocelot.Engine.Aws.Metadata;

namespace Ocelot.Engine.Tests.Aws.Metadata;

[Collection(MotoCollection.Name)]
public sealed class MissingTableTests(MotoServerFixture moto)
{
    private readonly string _tableName = MotoServerFixture.UniqueTableName("missing");

    private LayerMetadataTable Table => new(moto.CreateClient(), _tableName);

    public static TheoryData<string> Operations => ["get", "put", "delete", "query", "scan"];

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Operations_on_a_missing_table_throw_table_not_found(string operation)
    {
        var table = Table;
        Func<Task> call = operation switch
        {
            "get" => () => table.GetAsync(SampleItems.BaseLayerArn + ":1"),
            "put" => () => table.PutAsync(SampleItems.Full()),
            "delete" => () => table.DeleteAsync(SampleItems.BaseLayerArn + ":1"),
            "query" => async () => { await foreach (var _ in table.QueryByDistributionAsync("minimal")) { } },
            "scan" => async () => { await foreach (var _ in table.ScanAsync()) { } },
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };

        var error = await Assert.ThrowsAsync<MetadataTableException>(call);

        Assert.Equal(MetadataTableProblem.NotFound, error.Problem);

        Assert.Equal(_tableName, error.TableName);
        Assert.Equal(MotoServerFixture.Region, error.Region);
        Assert.Contains("Initialize-OcelotMetadataTable", error.Message);
    }

    [Fact]
    public async Task Exists_is_false_for_a_missing_table()
    {
        Assert.False(await Table.ExistsAsync());
    }
}
