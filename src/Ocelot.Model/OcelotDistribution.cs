namespace Ocelot;

/// <summary>
/// A distribution from <c>distributions.yaml</c> with its base chain resolved. Pipes into Invoke-OcelotBuild.
/// </summary>
public sealed record OcelotDistribution
{
    public required string Name { get; init; }
    public string? Description { get; init; }
    public string? Base { get; init; }

    /// <summary>This distribution, then its base, then its base's base.</summary>
    public required string[] BaseChain { get; init; }

    /// <summary>The tags written on this distribution itself.</summary>
    public required string[] OwnBuildTags { get; init; }

    /// <summary>The sorted, unique union of the tags along the base chain: what the build passes to go build -tags.</summary>
    public required string[] BuildTags { get; init; }

    /// <summary>The comma-joined tags, as go build and the reference tools take them.</summary>
    public string BuildTagString => string.Join(",", BuildTags);

    /// <summary>Full path of the collector config shipped as collector-config/config.yaml, or null for upstream's default.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>The overlay components Go will compile for these tags, e.g. exporter.clickhouse.</summary>
    public required string[] Components { get; init; }

    /// <summary>
    /// Every component the layer will contain as far as the tags say before a build (kind.name): the upstream components
    /// named by tags plus the overlay components. A kind selected with an .all tag counts only its overlay components.
    /// </summary>
    public string[] LayerComponents { get; init; } = [];

    /// <summary>The Go modules those components need (module or module@version), in the order they are added.</summary>
    public required string[] GoModules { get; init; }

    /// <summary>The distributions file this came from.</summary>
    public required string ConfigPath { get; init; }

    public override string ToString() => Name;
}
