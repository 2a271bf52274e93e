using System.Runtime.CompilerServices;
using Ocelot.Engine.Aws.Metadata;

namespace Ocelot.Engine.Tests.Fakes;

/// <summary>A fake of the metadata table, in memory: items by layer version ARN; <see cref="Missing"/> makes it a table that does not exist.</summary>
internal sealed class InMemoryMetadataTable(string tableName = "ocelot-layers", string region = "us-east-1") : ILayerMetadataStore
{
    private readonly Dictionary<string, LayerMetadataItem> _items = new(StringComparer.Ordinal);

    public bool Missing { get; set; }

    public IReadOnlyDictionary<string, LayerMetadataItem> Items
    {
        get { lock (_items) return new Dictionary<string, LayerMetadataItem>(_items); }
    }

    public Task<LayerMetadataItem?> GetAsync(string layerArn, CancellationToken cancellationToken = default)
    {
        lock (_items) return Task.FromResult(Exists()._items.GetValueOrDefault(layerArn));
    }

    public Task PutAsync(LayerMetadataItem item, CancellationToken cancellationToken = default)
    {
        var missing = item.FindMissingRequiredAttributes();
        if (missing.Count > 0) throw new LayerMetadataValidationException(item.LayerArn, missing);
        lock (_items) Exists()._items[item.LayerArn] = item;
        return Task.CompletedTask;
    }

    public Task<bool> DeleteAsync(string layerArn, CancellationToken cancellationToken = default)
    {
        lock (_items) return Task.FromResult(Exists()._items.Remove(layerArn));
    }

    public Task<IReadOnlyDictionary<string, LayerMetadataItem>> GetManyAsync(IEnumerable<string> layerArns, CancellationToken cancellationToken = default,
        Action<LayerMetadataFormatException>? onMalformed = null)
    {
        lock (_items)
        {
            Exists();
            IReadOnlyDictionary<string, LayerMetadataItem> found = layerArns.Distinct(StringComparer.Ordinal).Where(_items.ContainsKey)
                .ToDictionary(a => a, a => _items[a], StringComparer.Ordinal);
            return Task.FromResult(found);
        }
    }

    public async IAsyncEnumerable<LayerMetadataItem> ScanAsync([EnumeratorCancellation] CancellationToken cancellationToken = default,
        Action<LayerMetadataFormatException>? onMalformed = null)
    {
        List<LayerMetadataItem> items;
        lock (_items) items = Exists()._items.Values.ToList();
        foreach (var item in items)
        {
            await Task.Yield();
            yield return item;
        }
    }

    public Task<bool> CheckSchemaAsync(CancellationToken cancellationToken = default) => Task.FromResult(!Missing);

    public void Dispose()
    {
    }

    private InMemoryMetadataTable Exists() => Missing ? throw MetadataTableException.NotFound(tableName, region) : this;
}
