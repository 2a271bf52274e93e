using System.IO.Compression;
using Ocelot.Module.Tests.Fixtures;
using Ocelot.Module.Tests.Harness;
using Xunit;

namespace Ocelot.Module.Tests;

/// <summary>
/// Family 1 of issue 8: an upstream commit is untrusted. Hostile trees are written byte by byte with
/// <c>git hash-object --literally</c>; the build runs with TMPDIR pointing at a private folder, so everything it
/// writes to the temp folder is visible, and a sentinel folder beside it shows any write that escaped.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class HostileUpstreamTests : IDisposable
{
    private const string BuildError = "UpstreamTreeUnsafe,Ocelot.Commands.InvokeOcelotBuildCommand";
    private readonly BuildEnvironment _environment;
    private readonly TempFolder _scratch = new("ocelot-hostile-");
    private readonly string _temp;
    private readonly string _outside;
    private readonly string _output;
    private readonly string _upstream;
    private readonly HostileCommit _git;

    public HostileUpstreamTests(BuildEnvironment environment)
    {
        _environment = environment;
        _temp = Directory.CreateDirectory(Path.Combine(_scratch.Path, "tmp")).FullName;
        _outside = Directory.CreateDirectory(Path.Combine(_scratch.Path, "host")).FullName;
        _output = Path.Combine(_scratch.Path, "out");
        File.WriteAllText(Path.Combine(_outside, "secret.txt"), "host secret 1f0c");
        File.SetUnixFileMode(Path.Combine(_outside, "secret.txt"), UnixFileMode.UserRead);
        _upstream = environment.CreateVariant($"hostile-{Guid.NewGuid():N}", _ => { });
        _git = new HostileCommit(_upstream);
        environment.Set("TMPDIR", _temp);
    }

    public void Dispose()
    {
        _environment.Set("TMPDIR", null);
        _scratch.Dispose();
        try { Directory.Delete(_upstream, recursive: true); } catch (IOException) { }
    }

    private PipelineResult Build(string branch, string distribution = "minimal", string extra = "") =>
        ModuleSession.Run($"Invoke-OcelotBuild -Distribution {distribution} -UpstreamRepo $upstream -UpstreamRef {branch} -OutputDirectory $out -SkipCache {extra}",
            new Dictionary<string, object?> { ["upstream"] = _upstream, ["out"] = _output });

    /// <summary>The build failed with the one id, wrote nothing to the temp or sentinel folders and no zip.</summary>
    private void AssertRefusedWithoutTrace(PipelineResult result, string errorId = BuildError)
    {
        var error = Assert.Single(result.AllErrors);
        Assert.Equal(errorId, error.FullyQualifiedErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.DoesNotContain("   at ", error.Exception.Message);
        Assert.Empty(TempEntries());
        Assert.Equal(["secret.txt"], Directory.GetFileSystemEntries(_outside).Select(Path.GetFileName));
        Assert.Equal(UnixFileMode.UserRead, File.GetUnixFileMode(Path.Combine(_outside, "secret.txt")));
        Assert.False(Directory.Exists(_output) && Directory.EnumerateFiles(_output, "*.zip").Any(), "no zip may be written");
    }

    /// <summary>What is in the private temp folder, less PowerShell's own host pipe (made by the runspace, not Ocelot).</summary>
    private IEnumerable<string> TempEntries() =>
        Directory.GetFileSystemEntries(_temp).Where(e => !Path.GetFileName(e).StartsWith("CoreFxPipe_", StringComparison.Ordinal));

    [Fact]
    public void Entries_named_dot_dot_never_write_above_the_build_folder()
    {
        // root/../../escaped.txt would be the temp folder itself.
        var escape = _git.TreeEntry("..", _git.TreeEntry("..", _git.FileEntry("escaped.txt", "pwned")));
        var branch = _git.CommitEdit("dotdot", string.Empty, entries => entries.Prepend(escape));
        AssertRefusedWithoutTrace(Build(branch));

        var nested = _git.CommitEdit("dotdot-nested", "collector", entries => entries.Append(_git.TreeEntry("..", _git.FileEntry("go.mod", "module evil"))));
        var result = Build(nested);
        AssertRefusedWithoutTrace(result);
        Assert.Contains("'collector/..'", result.AllErrors[0].Exception.Message);

        var single = _git.CommitEdit("dot", "collector", entries => entries.Append(_git.FileEntry(".", "x")));
        AssertRefusedWithoutTrace(Build(single));
    }

    [Theory]
    [InlineData(".git")]
    [InlineData(".GIT")]
    [InlineData(".Git.")]
    [InlineData("git~1")]
    public void A_git_folder_in_the_tree_is_refused_so_go_never_runs_git_with_its_config(string name)
    {
        var marker = Path.Combine(_outside, "fsmonitor-ran");
        var config = $"[core]\n\tfsmonitor = touch {marker}\n\trepositoryformatversion = 0\n\tbare = false\n";
        var gitFolder = _git.TreeEntry(name, _git.FileEntry("config", config), _git.FileEntry("HEAD", "ref: refs/heads/main\n"));
        var branch = _git.CommitEdit($"git-{Guid.NewGuid():N}", "collector", entries => entries.Prepend(gitFolder));
        AssertRefusedWithoutTrace(Build(branch));
        Assert.False(File.Exists(marker));
    }

    [Theory]
    [InlineData("absolute")]
    [InlineData("relative")]
    [InlineData("chain")]
    public void A_collector_config_that_links_to_a_host_file_never_reaches_the_zip(string how)
    {
        var secret = Path.Combine(_outside, "secret.txt");
        var branch = _git.CommitEdit($"config-{how}", "collector", entries =>
        {
            var rest = entries.Where(e => e.Name != "config.yaml").ToList();
            return how switch
            {
                "absolute" => rest.Append(_git.LinkEntry("config.yaml", secret)),
                "relative" => rest.Append(_git.LinkEntry("config.yaml", Path.GetRelativePath(Path.Combine(_temp, "ocelot-build-x", "upstream", "collector"), secret))),
                // Each link looks contained on its own: here is '.', config.yaml is here/../../x. The kernel resolves
                // 'here' first, so the '..' climb out of the tree.
                _ => rest.Append(_git.LinkEntry("here", ".")).Append(_git.LinkEntry("config.yaml", "here/../../../../host/secret.txt")),
            };
        });
        var result = Build(branch);
        AssertRefusedWithoutTrace(result);
        Assert.DoesNotContain("host secret", string.Join("\n", result.AllErrors.Select(e => e.Exception.Message)));
    }

    [Fact]
    public void A_component_folder_linked_outside_the_tree_never_receives_the_overlay()
    {
        var branch = _git.CommitEdit("folder-link", "collector/lambdacomponents", entries =>
            entries.Where(e => e.Name != "exporter").Append(_git.LinkEntry("exporter", "../../../../../host")));
        AssertRefusedWithoutTrace(Build(branch, "minimal-forwarder"));
    }

    [Fact]
    public void A_name_given_twice_link_first_cannot_redirect_the_second_entry()
    {
        // The link sorts first, then a folder of the same name whose files would be written through the link.
        var branch = _git.CommitEdit("twice", "collector/lambdacomponents", entries =>
            new[] { _git.LinkEntry("aaa", "../../../../../host"), _git.TreeEntry("aaa", _git.FileEntry("planted.txt", "pwned")) }.Concat(entries));
        var result = Build(branch);
        AssertRefusedWithoutTrace(result);
        Assert.Contains("twice", result.AllErrors[0].Exception.Message);
    }

    [Fact]
    public void Links_that_loop_back_to_a_parent_folder_are_never_walked_forever()
    {
        var branch = _git.CommitEdit("loops", "collector", entries => entries
            .Append(_git.LinkEntry("loop", "."))
            .Append(_git.LinkEntry("up", "..")));
        var result = Build(branch);
        Assert.All(result.AllErrors, e => Assert.DoesNotContain("System.", e.FullyQualifiedErrorId));
        Assert.Single(result.AssertSucceeded().Output);
        Assert.Empty(TempEntries());
    }

    [Fact]
    public void Links_that_stay_inside_the_tree_build_and_ship_the_linked_file()
    {
        var branch = _git.CommitEdit("inside-link", "collector", entries => entries
            .Select(e => e.Name == "config.yaml" ? e with { Name = "real-config.yaml" } : e)
            .Append(_git.TreeEntry("configs", _git.LinkEntry("debug.yaml", "../real-config.yaml")))
            .Append(_git.LinkEntry("config.yaml", "configs/debug.yaml")));
        var artifact = Assert.Single(Build(branch, "default").AssertSucceeded().Output);
        using var zip = ZipFile.OpenRead(artifact.Get<string>("Path"));
        using var reader = new StreamReader(zip.GetEntry("collector-config/config.yaml")!.Open());
        Assert.Equal(File.ReadAllText(Path.Combine(GoFixture.UpstreamFolder, "collector", "config.yaml")), reader.ReadToEnd());
        Assert.Empty(TempEntries());
    }

    [Fact]
    public void The_build_folder_is_new_owner_only_and_never_named_after_the_distribution()
    {
        var first = Assert.Single(Build("main", extra: "-KeepWorkingTree").AssertSucceeded().Output).Get<string>("WorkingTree");
        var second = Assert.Single(Build("main", extra: "-KeepWorkingTree").AssertSucceeded().Output).Get<string>("WorkingTree");
        Assert.NotEqual(first, second);
        foreach (var tree in new[] { first, second })
        {
            Assert.Equal(_temp, Path.GetDirectoryName(tree));
            Assert.DoesNotContain("minimal", Path.GetFileName(tree));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(tree));
            Assert.Null(new DirectoryInfo(tree).LinkTarget);
        }
    }
}
