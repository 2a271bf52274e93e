using Ocelot.Engine.Cache;

namespace Ocelot.Engine.Tests.Cache;

/// <summary>The cache key: the same inputs always give the same key, and any input that changes changes it.</summary>
public sealed class BuildCacheKeyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ocelot-key-test-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static BuildCacheKey Key(string commit = "abc", string architecture = "amd64", string? goFlags = null) =>
        new BuildCacheKey().Add("upstream-commit", commit).Add("architecture", architecture).Add("go:GOFLAGS", goFlags);

    [Fact]
    public void The_same_inputs_give_the_same_key()
    {
        Assert.Equal(Key().Value, Key().Value);
        Assert.Matches(@"\A[0-9a-f]{32}\z", Key().Value);
    }

    [Fact]
    public void Each_input_changes_the_key()
    {
        var keys = new[] { Key().Value, Key(commit: "abd").Value, Key(architecture: "arm64").Value, Key(goFlags: "-mod=mod").Value, Key(goFlags: string.Empty).Value };
        Assert.Equal(keys.Length, keys.Distinct().Count());
    }

    [Fact]
    public void A_value_with_a_newline_cannot_pass_for_two_inputs()
    {
        var joined = new BuildCacheKey().Add("tags", "a\nmodules=b");
        var separate = new BuildCacheKey().Add("tags", "a").Add("modules", "b");
        Assert.NotEqual(separate.Value, joined.Value);
    }

    [Fact]
    public void A_file_input_follows_the_file_content()
    {
        var file = Path.Combine(_folder, "wrapper.go");
        File.WriteAllText(file, "package exporter\n");
        var before = new BuildCacheKey().AddFile("overlay:exporter/wrapper.go", file).Value;
        Assert.Equal(before, new BuildCacheKey().AddFile("overlay:exporter/wrapper.go", file).Value);

        File.WriteAllText(file, "package exporter // changed\n");

        Assert.NotEqual(before, new BuildCacheKey().AddFile("overlay:exporter/wrapper.go", file).Value);
    }

    [Fact]
    public void The_text_names_every_input_so_a_miss_can_be_explained()
    {
        Assert.Equal("upstream-commit=abc\narchitecture=amd64\ngo:GOFLAGS=<none>\n", Key().Text);
    }
}
