using Ocelot.Engine.Build;
using Ocelot.Engine.Cache;
using Ocelot.Engine.Packaging;

namespace Ocelot.Engine.Tests.Cache;

/// <summary>The built-zip cache with real files in a temporary folder: what a second Invoke-OcelotBuild is answered from.</summary>
public sealed class ArtifactCacheTests : IDisposable
{
    private const string Key = "0123456789abcdef0123456789abcdef";
    private readonly string _folder = Directory.CreateTempSubdirectory("ocelot-cache-test-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string CacheFolder => Path.Combine(_folder, "cache");
    private string EntryFolder => Path.Combine(CacheFolder, "artifacts", Key);
    private string Output(string name = "out.zip") => Path.Combine(_folder, "output", name);

    /// <summary>A writer that puts <paramref name="content"/> where the cache asks and describes it as a build would.</summary>
    private static Func<string, OcelotLayerArtifact> WriterOf(string content, string distribution = "minimal") => zipPath =>
    {
        File.WriteAllText(zipPath, content);
        var digests = LayerPackage.Digest(zipPath);
        return new OcelotLayerArtifact
        {
            Distribution = distribution, Architecture = "amd64", Path = zipPath, Size = digests.Size, Md5 = digests.Md5, Sha256 = digests.Sha256,
            CodeSha256 = digests.CodeSha256, UpstreamRepo = "open-telemetry/opentelemetry-lambda", UpstreamRef = "main", UpstreamCommit = new string('a', 40),
            CollectorVersion = "v0.1.0", BuildTags = ["lambdacomponents.custom"], Components = [new OcelotLayerComponent { Kind = "receiver", Type = "otlp" }], GoModules = [], GoVersion = "go1.24.0",
        };
    };

    [Fact]
    public void An_empty_cache_has_no_entry()
    {
        Assert.Null(new ArtifactCache(CacheFolder).TryGet(Key));
    }

    [Fact]
    public void A_stored_artifact_is_found_again_and_copied_to_the_output_path()
    {
        var cache = new ArtifactCache(CacheFolder);
        var stored = cache.Store(Key, Output(), WriterOf("zip bytes"));

        var hit = cache.TryGet(Key);

        Assert.NotNull(hit);
        Assert.Equal(stored.Sha256, hit.Value.Artifact.Sha256);
        Assert.Equal("minimal", hit.Value.Artifact.Distribution);
        Assert.Equal("zip bytes", File.ReadAllText(hit.Value.ZipPath));
        Assert.Equal("zip bytes", File.ReadAllText(Output()));
        Assert.Equal([EntryFolder], Directory.EnumerateFileSystemEntries(Path.Combine(CacheFolder, "artifacts")));
    }

    [Fact]
    public void A_different_key_misses()
    {
        var cache = new ArtifactCache(CacheFolder);
        cache.Store(Key, Output(), WriterOf("zip bytes"));

        Assert.Null(cache.TryGet("fedcba9876543210fedcba9876543210"));
    }

    [Fact]
    public void A_valid_entry_is_kept_when_the_same_key_is_stored_again()
    {
        var cache = new ArtifactCache(CacheFolder);
        cache.Store(Key, Output("first.zip"), WriterOf("first build"));

        cache.Store(Key, Output("second.zip"), WriterOf("second build"));

        Assert.Equal("first build", File.ReadAllText(cache.TryGet(Key)!.Value.ZipPath));
        Assert.Equal("second build", File.ReadAllText(Output("second.zip")));
    }

    [Theory]
    [InlineData("zip changed")]
    [InlineData("zip truncated")]
    [InlineData("metadata not json")]
    [InlineData("metadata missing")]
    public void A_damaged_entry_is_a_miss_and_the_next_store_replaces_it(string damage)
    {
        var cache = new ArtifactCache(CacheFolder);
        cache.Store(Key, Output(), WriterOf("original bytes"));
        var zip = Path.Combine(EntryFolder, "layer.zip");
        var metadata = Path.Combine(EntryFolder, "artifact.json");
        switch (damage)
        {
            case "zip changed": File.WriteAllText(zip, "original bytez"); break;
            case "zip truncated": File.WriteAllText(zip, "original"); break;
            case "metadata not json": File.WriteAllText(metadata, "{ not json"); break;
            case "metadata missing": File.Delete(metadata); break;
        }

        Assert.Null(cache.TryGet(Key));
        cache.Store(Key, Output(), WriterOf("rebuilt bytes"));

        var hit = cache.TryGet(Key);
        Assert.NotNull(hit);
        Assert.Equal("rebuilt bytes", File.ReadAllText(hit.Value.ZipPath));
        Assert.Equal("rebuilt bytes", File.ReadAllText(Output()));
    }

    [Fact]
    public void A_file_where_the_entry_folder_belongs_is_replaced_by_the_entry()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(EntryFolder)!);
        File.WriteAllText(EntryFolder, "not a folder");
        var cache = new ArtifactCache(CacheFolder);

        Assert.Null(cache.TryGet(Key));
        cache.Store(Key, Output(), WriterOf("zip bytes"));

        Assert.Equal("zip bytes", File.ReadAllText(cache.TryGet(Key)!.Value.ZipPath));
    }

    [Fact]
    public void A_link_in_place_of_an_entry_is_never_followed()
    {
        var elsewhere = Path.Combine(_folder, "elsewhere");
        new ArtifactCache(elsewhere).Store(Key, Output("elsewhere.zip"), WriterOf("planted"));
        Directory.CreateDirectory(Path.GetDirectoryName(EntryFolder)!);
        Directory.CreateSymbolicLink(EntryFolder, Path.Combine(elsewhere, "artifacts", Key));
        var cache = new ArtifactCache(CacheFolder);

        Assert.Null(cache.TryGet(Key));
        cache.Store(Key, Output(), WriterOf("own build"));

        Assert.Equal("own build", File.ReadAllText(cache.TryGet(Key)!.Value.ZipPath));
        Assert.Equal("planted", File.ReadAllText(Path.Combine(elsewhere, "artifacts", Key, "layer.zip")));
    }

    [Fact]
    public void Copying_to_an_output_path_that_already_holds_the_same_bytes_leaves_the_file_alone()
    {
        var cache = new ArtifactCache(CacheFolder);
        var stored = cache.Store(Key, Output(), WriterOf("zip bytes"));
        var written = File.GetLastWriteTimeUtc(Output());
        File.SetLastWriteTimeUtc(Output(), written.AddHours(-1));

        ArtifactCache.CopyToOutput(cache.TryGet(Key)!.Value.ZipPath, Output(), stored.Sha256);

        Assert.Equal(written.AddHours(-1), File.GetLastWriteTimeUtc(Output()));
    }

    [Fact]
    public void Copying_over_an_output_file_with_other_bytes_replaces_it()
    {
        var cache = new ArtifactCache(CacheFolder);
        var stored = cache.Store(Key, Output(), WriterOf("zip bytes"));
        File.WriteAllText(Output(), "stale zip");

        ArtifactCache.CopyToOutput(cache.TryGet(Key)!.Value.ZipPath, Output(), stored.Sha256);

        Assert.Equal("zip bytes", File.ReadAllText(Output()));
    }

    [Fact]
    public void Newest_returns_the_most_recently_built_matching_artifact()
    {
        var cache = new ArtifactCache(CacheFolder);
        const string OlderKey = "11111111111111111111111111111111", NewerKey = "22222222222222222222222222222222";
        cache.Store(OlderKey, Output("older.zip"), WriterOf("older", "minimal"));
        cache.Store(NewerKey, Output("newer.zip"), WriterOf("newer", "minimal"));
        cache.Store(Key, Output("other.zip"), WriterOf("other", "full"));
        File.SetLastWriteTimeUtc(Path.Combine(CacheFolder, "artifacts", OlderKey, "artifact.json"), DateTime.UtcNow.AddHours(-2));
        File.SetLastWriteTimeUtc(Path.Combine(CacheFolder, "artifacts", NewerKey, "artifact.json"), DateTime.UtcNow.AddHours(-1));
        File.SetLastWriteTimeUtc(Path.Combine(EntryFolder, "artifact.json"), DateTime.UtcNow);

        var newest = cache.Newest(a => a.Distribution == "minimal");

        Assert.Equal(LayerPackage.Digest(Path.Combine(CacheFolder, "artifacts", NewerKey, "layer.zip")).Sha256, newest?.Sha256);
        Assert.Null(cache.Newest(a => a.Distribution == "absent"));
        Assert.Null(new ArtifactCache(Path.Combine(_folder, "empty")).Newest(_ => true));
    }
}
