using System.Security.Cryptography;
using System.Text;
using Ocelot.Module.Tests.Fixtures;
using Ocelot.Module.Tests.Harness;
using Xunit;

namespace Ocelot.Module.Tests;

/// <summary>
/// Family 8 of issue 8: the cache never lies. A hit brings only built content; the rest of the answer is this
/// call's. A failed first fetch leaves nothing; a damaged entry heals itself or names the path to delete.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class CacheTruthTests(BuildEnvironment environment) : IDisposable
{
    private const string Tags = "  buildtags: [lambdacomponents.custom, lambdacomponents.receiver.otlp]\n  config-file: c.yaml\n";
    private readonly TempFolder _scratch = new("ocelot-cache-truth-");

    public void Dispose() => _scratch.Dispose();

    private string Config(string name, string distributions, string configText = "receivers: {}\n")
    {
        var folder = Directory.CreateDirectory(Path.Combine(_scratch.Path, name)).FullName;
        File.WriteAllText(Path.Combine(folder, "distributions.yaml"), distributions);
        Directory.CreateDirectory(Path.Combine(folder, "collector-configs"));
        File.WriteAllText(Path.Combine(folder, "collector-configs", "c.yaml"), configText);
        return folder;
    }

    private PipelineResult Build(string config, string distribution, string? upstream = null, string extra = "") =>
        ModuleSession.Run($"Invoke-OcelotBuild {distribution} -ConfigPath $cfg -UpstreamRepo $upstream -OutputDirectory $out -SkipConfigCheck {extra}",
            new Dictionary<string, object?> { ["cfg"] = config, ["upstream"] = upstream ?? environment.UpstreamFolder, ["out"] = Path.Combine(_scratch.Path, "out") });

    /// <summary>The cache folder of a repository: the first 16 hex digits of the SHA-256 of its URL (UpstreamCache).</summary>
    private string CachedRepository(string url) =>
        Path.Combine(environment.CacheFolder, "git", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(url)))[..16].ToLowerInvariant());

    [Fact]
    public void A_cache_hit_answers_with_this_call_s_description_repository_and_config_path()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var first = Config("first", $"truth-{id}:\n  description: First words\n{Tags}", $"# {id}\n");
        var second = Config("second", $"truth-{id}:\n  description: Other words\n{Tags}", $"# {id}\n");
        var built = Assert.Single(Build(first, $"truth-{id}").AssertSucceeded().Output);
        Assert.False(built.Get<bool>("FromCache"));

        var fileUrl = new Uri(environment.UpstreamFolder).AbsoluteUri;
        var hit = Assert.Single(Build(second, $"truth-{id}", fileUrl).AssertSucceeded().Output);
        Assert.True(hit.Get<bool>("FromCache"));
        Assert.Equal(built.Get<string>("Sha256"), hit.Get<string>("Sha256"));
        Assert.Equal("Other words", hit.Get<string>("DistributionDescription"));
        Assert.Equal(fileUrl, hit.Get<string>("UpstreamRepo"));
        Assert.Equal(Path.Combine(second, "collector-configs", "c.yaml"), hit.Get<string>("ConfigFile"));
    }

    [Fact]
    public void A_failed_first_fetch_leaves_no_cache_entry()
    {
        var url = $"http://127.0.0.1:{LoopbackPort.Free()}/nothing-here";
        var config = Config("unreachable", $"unreachable:\n{Tags}");
        var result = Build(config, "unreachable", url);
        Assert.StartsWith("UpstreamFetchFailed,", Assert.Single(result.AllErrors).FullyQualifiedErrorId);
        Assert.False(Directory.Exists(CachedRepository(url)));
    }

    [Theory]
    [InlineData("config", "[core\n\tbare = maybe\n\0\0garbage")]
    [InlineData("objects", "a file where the object database belongs")]
    [InlineData("shallow", "not-a-commit-id\n")]
    public void A_damaged_cached_repository_heals_itself_with_a_warning(string file, string content)
    {
        var name = $"damaged-{Guid.NewGuid():N}";
        environment.CreateVariant(name, _ => { });
        using var server = new GitHttpServer(environment.Root);
        var url = server.UrlOf(name);
        var config = Config($"cfg-{name}", $"{name}:\n{Tags}");
        Build(config, name, url).AssertSucceeded();
        var cached = CachedRepository(url);
        Assert.True(File.Exists(Path.Combine(cached, "shallow")), "the first fetch over HTTP is shallow");

        if (Directory.Exists(Path.Combine(cached, file))) Directory.Delete(Path.Combine(cached, file), recursive: true);
        File.WriteAllText(Path.Combine(cached, file), content);
        var result = Build(config, name, url, "-SkipCache").AssertSucceeded();
        Assert.Contains(result.Warnings, w => w.Message.Contains("damaged") && w.Message.Contains(cached));
        Assert.Equal("ok", GoFixture.Git(cached, "fsck", "--connectivity-only").Trim() is "" ? "ok" : "fsck reported problems");
    }

    [Fact]
    public void A_folder_where_the_lock_file_belongs_is_an_error_naming_the_path_to_delete()
    {
        var name = $"locked-{Guid.NewGuid():N}";
        var upstream = environment.CreateVariant(name, _ => { });
        var lockPath = CachedRepository(upstream) + ".lock";
        Directory.CreateDirectory(lockPath);
        var config = Config($"cfg-{name}", $"{name}:\n{Tags}");
        var error = Assert.Single(Build(config, name, upstream).AllErrors);
        Assert.StartsWith("CacheEntryDamaged,", error.FullyQualifiedErrorId);
        Assert.Contains($"Delete '{lockPath}'", error.ErrorDetails.RecommendedAction);
        Directory.Delete(lockPath);
        Build(config, name, upstream).AssertSucceeded();
    }

    [Theory]
    [InlineData("metadata")]
    [InlineData("zip")]
    [InlineData("entry-is-a-file")]
    public void A_damaged_artifact_entry_is_rebuilt_and_replaced(string damage)
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var config = Config($"art-{id}", $"art-{id}:\n{Tags}", $"# {id}\n");
        Build(config, $"art-{id}").AssertSucceeded();
        var entries = Directory.GetDirectories(Path.Combine(environment.CacheFolder, "artifacts"))
            .Where(d => File.ReadAllText(Path.Combine(d, "artifact.json")).Contains($"art-{id}")).ToList();
        var entry = Assert.Single(entries);
        switch (damage)
        {
            case "metadata": File.WriteAllText(Path.Combine(entry, "artifact.json"), "{ not json"); break;
            case "zip": File.WriteAllText(Path.Combine(entry, "layer.zip"), "truncated"); break;
            default: Directory.Delete(entry, recursive: true); File.WriteAllText(entry, "a file, not a folder"); break;
        }
        Assert.False(Assert.Single(Build(config, $"art-{id}").AssertSucceeded().Output).Get<bool>("FromCache"));
        Assert.True(Assert.Single(Build(config, $"art-{id}").AssertSucceeded().Output).Get<bool>("FromCache"));
    }
}
