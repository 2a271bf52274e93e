namespace Ocelot.Engine.Aws.Metadata;

/// <summary>What <see cref="LayerMetadataTable.EnsureTableAsync"/> found or did.</summary>
public enum TableState
{
    Created,
    AlreadyExists,
}
