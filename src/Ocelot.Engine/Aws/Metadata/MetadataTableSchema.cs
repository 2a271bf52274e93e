using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using A = Ocelot.Engine.Aws.Metadata.LayerMetadataAttributes;

namespace Ocelot.Engine.Aws.Metadata;

/// <summary>The table layout of the original Python tool, which its report tools query.</summary>
public static class MetadataTableSchema
{
    public const string DefaultTableName = "ocelot-layers";
    public const string DistributionIndex = "distribution-index";
    public const string BaseLayerIndex = "base-layer-index";

    private static readonly (string Name, string Type)[] KeyAttributes =
    [
        (A.LayerArn, "S"), (A.Distribution, "S"), (A.BaseLayerArn, "S"), (A.Version, "N"),
    ];

    private static readonly (string Name, KeyType Type)[] TableKey = [(A.LayerArn, KeyType.HASH)];

    private static readonly (string IndexName, (string Name, KeyType Type)[] Key)[] Indexes =
    [
        (DistributionIndex, [(A.Distribution, KeyType.HASH), (A.LayerArn, KeyType.RANGE)]),
        (BaseLayerIndex, [(A.BaseLayerArn, KeyType.HASH), (A.Version, KeyType.RANGE)]),
    ];

    public static CreateTableRequest CreateTableRequest(string tableName) => new()
    {
        TableName = tableName,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        AttributeDefinitions = KeyAttributes
            .Select(a => new AttributeDefinition { AttributeName = a.Name, AttributeType = a.Type })
            .ToList(),
        KeySchema = ToKeySchema(TableKey),
        GlobalSecondaryIndexes = Indexes
            .Select(i => new GlobalSecondaryIndex
            {
                IndexName = i.IndexName,
                KeySchema = ToKeySchema(i.Key),
                Projection = new Projection { ProjectionType = ProjectionType.ALL },
            })
            .ToList(),
    };

    /// <summary>
    /// How an existing table differs in keys, key attribute types and the two indexes. Billing mode and
    /// extra indexes are not differences: the tools work the same with them.
    /// </summary>
    public static IReadOnlyList<string> FindDifferences(TableDescription table)
    {
        var differences = new List<string>();

        var tableKey = Describe(table.KeySchema);
        if (tableKey != Describe(TableKey))
            differences.Add($"table key is [{tableKey}], expected [{Describe(TableKey)}]");

        foreach (var (indexName, key) in Indexes)
        {
            var index = table.GlobalSecondaryIndexes?.FirstOrDefault(i => i.IndexName == indexName);
            if (index is null)
            {
                differences.Add($"global secondary index '{indexName}' is missing");
                continue;
            }
            var indexKey = Describe(index.KeySchema);
            if (indexKey != Describe(key))
                differences.Add($"index '{indexName}' key is [{indexKey}], expected [{Describe(key)}]");
            var projection = index.Projection?.ProjectionType?.Value;
            if (projection != ProjectionType.ALL.Value)
                differences.Add($"index '{indexName}' projects {projection ?? "nothing"}, expected ALL");
        }

        foreach (var (name, type) in KeyAttributes)
        {
            var actual = table.AttributeDefinitions?.FirstOrDefault(d => d.AttributeName == name)?.AttributeType?.Value;
            if (actual is not null && actual != type)
                differences.Add($"attribute '{name}' is of type {actual}, expected {type}");
        }
        return differences;
    }

    private static List<KeySchemaElement> ToKeySchema((string Name, KeyType Type)[] key) =>
        key.Select(k => new KeySchemaElement { AttributeName = k.Name, KeyType = k.Type }).ToList();

    private static string Describe(IEnumerable<(string Name, KeyType Type)> key) =>
        string.Join(", ", key.Select(k => $"{k.Name} {k.Type.Value}"));

    private static string Describe(List<KeySchemaElement>? key) =>
        Describe((key ?? []).Select(k => (k.AttributeName, k.KeyType)));
}
