using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

using Ocelot.Engine.Aws.Metadata;

namespace Ocelot.Engine.Tests.Aws.Metadata;

[Collection(MotoCollection.Name)]
public sealed class PaginationTests(MotoServerFixture moto)
{
    [Fact]
    public async Task QueryByDistribution_follows_pages_cut_at_one_megabyte()
    {
        var (table, pages) = await NewTableAsync("bigpages", pageSize: null);
        // ~50 KB each: 30 of them exceed the 1 MB that one Query response may carry.
        var filler = new string('x', 50_000);
        await PutAsync(table, "large", 30, item => item with { DistributionDescription = filler });
        await PutAsync(table, "other", 3);

        var found = await ToListAsync(table.QueryByDistributionAsync("large"));

        Assert.Equal(30, found.Select(i => i.LayerArn).Distinct().Count());
        Assert.All(found, i => Assert.Equal("large", i.Distribution));
        Assert.True(pages.Query >= 2, $"expected several Query pages, got {pages.Query}");
    }

    [Fact]
    public async Task QueryByDistribution_and_Scan_follow_pages_of_a_set_size()
    {
        var (table, pages) = await NewTableAsync("smallpages", pageSize: 7);
        await PutAsync(table, "paged", 30);
        await PutAsync(table, "other", 5);

        var queried = await ToListAsync(table.QueryByDistributionAsync("paged"));
        var scanned = await ToListAsync(table.ScanAsync());

        Assert.Equal(30, queried.Select(i => i.LayerArn).Distinct().Count());
        Assert.True(pages.Query >= 5, $"expected at least 5 Query pages, got {pages.Query}");
        Assert.Equal(35, scanned.Select(i => i.LayerArn).Distinct().Count());
        Assert.True(pages.Scan >= 5, $"expected at least 5 Scan pages, got {pages.Scan}");
        Assert.Empty(await ToListAsync(table.QueryByDistributionAsync("nobody")));
    }

    private sealed class PageCounter
    {
        public int Query;
        public int Scan;
    }

    private async Task<(LayerMetadataTable Table, PageCounter Pages)> NewTableAsync(string purpose, int? pageSize)
    {
        var client = moto.CreateClient();
        var pages = new PageCounter();
        ((AmazonServiceClient)client).AfterResponseEvent += (_, e) =>
        {
            var response = ((WebServiceResponseEventArgs)e).Response;
            if (response is QueryResponse) Interlocked.Increment(ref pages.Query);
            if (response is ScanResponse) Interlocked.Increment(ref pages.Scan);
        };
        var table = new LayerMetadataTable(client, MotoServerFixture.UniqueTableName(purpose)) { PageSize = pageSize };
        await table.EnsureTableAsync();
        return (table, pages);
    }

    private static async Task PutAsync(LayerMetadataTable table, string distribution, int count,
        Func<LayerMetadataItem, LayerMetadataItem>? change = null)
    {
        for (var i = 1; i <= count; i++)
        {
            var item = SampleItems.Full(version: i, distribution) with
            {
                LayerArn = $"{SampleItems.BaseLayerArn}-{distribution}:{i}",
                BaseLayerArn = $"{SampleItems.BaseLayerArn}-{distribution}",
            };
            await table.PutAsync(change?.Invoke(item) ?? item);
        }
    }

    private static async Task<List<LayerMetadataItem>> ToListAsync(IAsyncEnumerable<LayerMetadataItem> items)
    {
        var list = new List<LayerMetadataItem>();
        await foreach (var item in items) list.Add(item);
        return list;
    }
}
