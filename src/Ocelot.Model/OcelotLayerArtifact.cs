namespace Ocelot;

/// <summary>
/// A built layer zip and its provenance. Pipes into Publish-OcelotLayer. Publish-OcelotLayer -Path describes its zip
/// with the same type: then the provenance a build records (upstream, Go, components) is null or empty unless given.
/// </summary>
public sealed record OcelotLayerArtifact
{
    public required string Distribution { get; init; }
    public string? DistributionDescription { get; init; }

    /// <summary>amd64 or arm64 (Lambda calls amd64 x86_64); always set by a build.</summary>
    public string? Architecture { get; init; }

    /// <summary>Full path of the zip, named collector-&lt;arch&gt;-&lt;distribution&gt;.zip.</summary>
    public required string Path { get; init; }
    public required long Size { get; init; }

    /// <summary>Hex md5 of the zip bytes (what the layer description records).</summary>
    public required string Md5 { get; init; }

    /// <summary>Hex sha256 of the zip bytes.</summary>
    public required string Sha256 { get; init; }

    /// <summary>Base64 sha256 of the zip bytes, as Lambda reports it in Content.CodeSha256.</summary>
    public required string CodeSha256 { get; init; }
    public string? UpstreamRepo { get; init; }
    public string? UpstreamRef { get; init; }

    /// <summary>The exact upstream commit built.</summary>
    public string? UpstreamCommit { get; init; }

    /// <summary>The otelcol version upstream requires (e.g. v0.158.0).</summary>
    public string? CollectorVersion { get; init; }
    public string[] BuildTags { get; init; } = [];

    /// <summary>
    /// The components Go compiled into the binary, with the types and signals a collector config uses (read from each
    /// module's metadata.yaml). Each shows as kind/type.
    /// </summary>
    public OcelotLayerComponent[] Components { get; init; } = [];

    /// <summary>The schemes of the config providers the collector has (env, file, secretsmanager, ...).</summary>
    public string[] ConfigProviders { get; init; } = [];
    public string[] GoModules { get; init; } = [];

    /// <summary>The distribution's collector config, or null when the layer ships upstream's default config.</summary>
    public string? ConfigFile { get; init; }
    public string? GoVersion { get; init; }
    public TimeSpan Duration { get; init; }

    /// <summary>True when the zip came from the build cache.</summary>
    public bool FromCache { get; init; }

    /// <summary>The kept build tree, with -KeepWorkingTree.</summary>
    public string? WorkingTree { get; init; }

    public override string ToString() => Path;
}
