using Ocelot.Engine.Aws;
using Ocelot.Engine.Aws.Lambda;
using Ocelot.Engine.Aws.Metadata;

namespace Ocelot.Engine.Tests.Fakes;

/// <summary>A fake of the layer services: one <see cref="InMemoryLayerStore"/> per region and one <see cref="InMemoryMetadataTable"/>.</summary>
internal sealed class InMemoryAws : ILayerServices
{
    private readonly Dictionary<string, InMemoryLayerStore> _regions = new(StringComparer.Ordinal);

    public InMemoryMetadataTable Metadata { get; } = new();

    /// <summary>Connection details the engine records pass along; never used to reach AWS.</summary>
    public AwsConnection Connection { get; } = new(null, "http://127.0.0.1:9") { ReadEnvironment = _ => null };

    public InMemoryLayerStore Region(string region)
    {
        lock (_regions) return _regions.TryGetValue(region, out var store) ? store : _regions[region] = new InMemoryLayerStore(region);
    }

    public ILayerStore OpenLayers(string region, bool withoutRetries = false) => Region(region);

    public ILayerMetadataStore OpenMetadata(string region, string tableName) => Metadata;
}
