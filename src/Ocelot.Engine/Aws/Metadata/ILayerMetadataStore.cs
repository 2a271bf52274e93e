namespace Ocelot.Engine.Aws.Metadata;

/// <summary>
/// The metadata table operations that publishing, listing and removing use. <see cref="LayerMetadataTable"/> is the real
/// table (DynamoDB); engine tests use an in-memory fake. A missing or refusing table is a <see cref="MetadataTableException"/>.
/// </summary>
public interface ILayerMetadataStore : IDisposable
{
    Task<LayerMetadataItem?> GetAsync(string layerArn, CancellationToken cancellationToken = default);

    Task PutAsync(LayerMetadataItem item, CancellationToken cancellationToken = default);

    /// <returns>Whether an item was there to delete.</returns>
    Task<bool> DeleteAsync(string layerArn, CancellationToken cancellationToken = default);

    /// <param name="onMalformed">Called for an item that cannot be read, which is then left out; null to throw instead.</param>
    Task<IReadOnlyDictionary<string, LayerMetadataItem>> GetManyAsync(IEnumerable<string> layerArns, CancellationToken cancellationToken = default,
        Action<LayerMetadataFormatException>? onMalformed = null);

    /// <param name="onMalformed">Called for an item that cannot be read, which is then skipped; null to throw instead.</param>
    IAsyncEnumerable<LayerMetadataItem> ScanAsync(CancellationToken cancellationToken = default, Action<LayerMetadataFormatException>? onMalformed = null);

    /// <returns>True when the table exists with the metadata schema, false when it does not exist.</returns>
    Task<bool> CheckSchemaAsync(CancellationToken cancellationToken = default);
}
