namespace Ocelot;

/// <summary>How a call came to report an <see cref="OcelotLayerVersion"/>.</summary>
public enum LayerVersionStatus
{
    /// <summary>Published by this call.</summary>
    Published,

    /// <summary>A version with the same content already existed and was used instead.</summary>
    Reused,

    /// <summary>Found by a listing.</summary>
    Listed,

    /// <summary>A metadata item whose layer version no longer exists in Lambda (a failed delete, or one done outside Ocelot).</summary>
    Orphaned,
}
