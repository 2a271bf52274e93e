using System.Net;
using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace Ocelot.Engine.Aws.Metadata;

/// <summary>Reads and writes layer metadata items in the DynamoDB metadata table.</summary>
public sealed class LayerMetadataTable(IAmazonDynamoDB client, string tableName = MetadataTableSchema.DefaultTableName) : ILayerMetadataStore
{
    private static readonly TimeSpan ActivePollInterval = TimeSpan.FromSeconds(1);

    public string TableName { get; } = tableName;

    /// <summary>Whether disposing the table disposes its client (one opened for it by <see cref="AwsLayerServices"/>).</summary>
    internal bool OwnsClient { get; init; }

    public void Dispose()
    {
        if (OwnsClient) client.Dispose();
    }

    /// <summary>Items per Query/Scan request; null lets DynamoDB fill its 1 MB pages.</summary>
    public int? PageSize { get; init; }

    public TimeSpan ActiveWaitTimeout { get; init; } = TimeSpan.FromMinutes(5);

    private string? Region => client.Config.RegionEndpoint?.SystemName ?? client.Config.AuthenticationRegion;

    public async Task<LayerMetadataItem?> GetAsync(string layerArn, CancellationToken cancellationToken = default)
    {
        var response = await Call("GetItem", () => client.GetItemAsync(new GetItemRequest
        {
            TableName = TableName,
            Key = KeyOf(layerArn),
            ConsistentRead = true,
        }, cancellationToken));
        return response.Item is { Count: > 0 } item ? LayerMetadataItem.FromAttributeMap(item) : null;
    }

    public async Task PutAsync(LayerMetadataItem item, CancellationToken cancellationToken = default)
    {
        var missing = item.FindMissingRequiredAttributes();
        if (missing.Count > 0) throw new LayerMetadataValidationException(item.LayerArn, missing);
        await Call("PutItem", () => client.PutItemAsync(new PutItemRequest
        {
            TableName = TableName,
            Item = item.ToAttributeMap(),
        }, cancellationToken));
    }

    /// <returns>Whether an item was there to delete.</returns>
    public async Task<bool> DeleteAsync(string layerArn, CancellationToken cancellationToken = default)
    {
        var response = await Call("DeleteItem", () => client.DeleteItemAsync(new DeleteItemRequest
        {
            TableName = TableName,
            Key = KeyOf(layerArn),
            ReturnValues = ReturnValue.ALL_OLD,
        }, cancellationToken));
        return response.Attributes is { Count: > 0 };
    }

    public async IAsyncEnumerable<LayerMetadataItem> QueryByDistributionAsync(
        string distribution, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Dictionary<string, AttributeValue>? startKey = null;
        do
        {
            var request = new QueryRequest
            {
                TableName = TableName,
                IndexName = MetadataTableSchema.DistributionIndex,
                KeyConditionExpression = "#distribution = :distribution",
                ExpressionAttributeNames = new() { ["#distribution"] = LayerMetadataAttributes.Distribution },
                ExpressionAttributeValues = new() { [":distribution"] = new AttributeValue { S = distribution } },
                ExclusiveStartKey = startKey,
                Limit = PageSize,
            };
            var page = await Call("Query", () => client.QueryAsync(request, cancellationToken));
            foreach (var item in page.Items ?? []) yield return LayerMetadataItem.FromAttributeMap(item);
            startKey = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        } while (startKey is not null);
    }

    /// <param name="onMalformed">Called for an item that cannot be read, which is then skipped; null to throw instead.</param>
    public async IAsyncEnumerable<LayerMetadataItem> ScanAsync(
        [EnumeratorCancellation] CancellationToken cancellationToken = default, Action<LayerMetadataFormatException>? onMalformed = null)
    {
        Dictionary<string, AttributeValue>? startKey = null;
        do
        {
            var request = new ScanRequest { TableName = TableName, ExclusiveStartKey = startKey, Limit = PageSize };
            var page = await Call("Scan", () => client.ScanAsync(request, cancellationToken));
            foreach (var item in page.Items ?? [])
                if (Read(item, onMalformed) is { } parsed) yield return parsed;
            startKey = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        } while (startKey is not null);
    }

    /// <summary>The items of many versions at once (BatchGetItem, 100 keys a request, unprocessed keys retried).</summary>
    /// <param name="onMalformed">Called for an item that cannot be read, which is then left out; null to throw instead.</param>
    public async Task<IReadOnlyDictionary<string, LayerMetadataItem>> GetManyAsync(IEnumerable<string> layerArns, CancellationToken cancellationToken = default,
        Action<LayerMetadataFormatException>? onMalformed = null)
    {
        var found = new Dictionary<string, LayerMetadataItem>(StringComparer.Ordinal);
        foreach (var chunk in layerArns.Distinct(StringComparer.Ordinal).Chunk(100))
        {
            var pending = new KeysAndAttributes { Keys = chunk.Select(KeyOf).ToList(), ConsistentRead = true };
            for (var attempt = 0; pending.Keys is { Count: > 0 }; attempt++)
            {
                if (attempt > 0) await Task.Delay(TimeSpan.FromMilliseconds(100 * Math.Min(attempt, 10)), cancellationToken);
                var request = new BatchGetItemRequest { RequestItems = new() { [TableName] = pending } };
                var response = await Call("BatchGetItem", () => client.BatchGetItemAsync(request, cancellationToken));
                foreach (var item in response.Responses?.GetValueOrDefault(TableName) ?? [])
                {
                    if (Read(item, onMalformed) is { } parsed) found[parsed.LayerArn] = parsed;
                }
                pending = response.UnprocessedKeys?.GetValueOrDefault(TableName) ?? new KeysAndAttributes();
            }
        }
        return found;
    }

    public async Task<bool> ExistsAsync(CancellationToken cancellationToken = default) =>
        await DescribeOrNullAsync(cancellationToken) is not null;

    /// <summary>Whether the table exists, checking its schema when it does (a preflight before anything is published).</summary>
    /// <exception cref="MetadataTableException">The table exists with other keys or indexes.</exception>
    public async Task<bool> CheckSchemaAsync(CancellationToken cancellationToken = default)
    {
        var table = await DescribeOrNullAsync(cancellationToken);
        if (table is null) return false;
        var differences = MetadataTableSchema.FindDifferences(table);
        if (differences.Count > 0) throw MetadataTableException.SchemaMismatch(TableName, differences);
        return true;
    }

    /// <summary>Creates the table if it is missing and waits until it is ACTIVE.</summary>
    /// <exception cref="MetadataTableException">The table exists with other keys or indexes.</exception>
    public async Task<TableState> EnsureTableAsync(CancellationToken cancellationToken = default)
    {
        var state = TableState.AlreadyExists;
        var table = await DescribeOrNullAsync(cancellationToken);
        if (table is null)
        {
            try
            {
                await Call("CreateTable", () =>
                    client.CreateTableAsync(MetadataTableSchema.CreateTableRequest(TableName), cancellationToken));
                state = TableState.Created;
            }
            catch (ResourceInUseException)
            {
                // Someone else created it between our describe and create; theirs is checked below like any other.
            }
            table = await DescribeOrNullAsync(cancellationToken) ?? throw MetadataTableException.NotFound(TableName, Region);
        }

        var differences = MetadataTableSchema.FindDifferences(table);
        if (differences.Count > 0) throw MetadataTableException.SchemaMismatch(TableName, differences);

        await WaitUntilActiveAsync(table, cancellationToken);
        return state;
    }

    private async Task WaitUntilActiveAsync(TableDescription table, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + ActiveWaitTimeout;
        while (!IsActive(table))
        {
            if (DateTimeOffset.UtcNow > deadline)
                throw new TimeoutException($"The table '{TableName}' did not become ACTIVE within {ActiveWaitTimeout}.");
            await Task.Delay(ActivePollInterval, cancellationToken);
            table = await DescribeOrNullAsync(cancellationToken) ?? throw MetadataTableException.NotFound(TableName, Region);
        }
    }

    // Queries on the indexes fail until they are ACTIVE too, not just the table.
    private static bool IsActive(TableDescription table) =>
        table.TableStatus == TableStatus.ACTIVE
        && (table.GlobalSecondaryIndexes ?? []).All(i => i.IndexStatus == null || i.IndexStatus == IndexStatus.ACTIVE);

    private async Task<TableDescription?> DescribeOrNullAsync(CancellationToken cancellationToken)
    {
        try
        {
            var response = await Call("DescribeTable",
                () => client.DescribeTableAsync(new DescribeTableRequest { TableName = TableName }, cancellationToken));
            return response.Table;
        }
        catch (MetadataTableException missing) when (missing.Problem == MetadataTableProblem.NotFound)
        {
            return null;
        }
    }

    private static LayerMetadataItem? Read(Dictionary<string, AttributeValue> item, Action<LayerMetadataFormatException>? onMalformed)
    {
        try
        {
            return LayerMetadataItem.FromAttributeMap(item);
        }
        catch (LayerMetadataFormatException malformed) when (onMalformed is not null)
        {
            onMalformed(malformed);
            return null;
        }
    }

    private static Dictionary<string, AttributeValue> KeyOf(string layerArn) =>
        new() { [LayerMetadataAttributes.LayerArn] = new AttributeValue { S = layerArn } };

    private async Task<T> Call<T>(string operation, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (ResourceNotFoundException e)
        {
            throw MetadataTableException.NotFound(TableName, Region, e);
        }
        catch (AmazonServiceException e) when (e.ErrorCode == "AccessDeniedException" || e.StatusCode == HttpStatusCode.Forbidden)
        {
            throw MetadataTableException.AccessDenied(TableName, Region, operation, e);
        }
    }
}
