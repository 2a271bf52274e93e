using System.IO.Compression;
using System.Management.Automation;
using System.Security.Cryptography;
using Ocelot.Module.Tests.Fixtures;
using Ocelot.Module.Tests.Harness;
using Xunit;

namespace Ocelot.Module.Tests;

/// <summary>Invoke-OcelotBuild against a fixture upstream with the real git (libgit2 and git daemon) and the real Go toolchain.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class InvokeOcelotBuildTests(BuildEnvironment environment) : IDisposable
{
    private const string Pipeline = "Invoke-OcelotBuild -UpstreamRepo $upstream -OutputDirectory $out";
    private readonly TempFolder _output = new("ocelot-build-out-");
    private readonly TempFolder _temp = new("ocelot-build-tmp-");

    public void Dispose()
    {
        _output.Dispose();
        _temp.Dispose();
    }

    private PipelineResult Run(string script, string? upstream = null, IReadOnlyDictionary<string, object?>? extra = null)
    {
        var variables = new Dictionary<string, object?> { ["upstream"] = upstream ?? environment.UpstreamFolder, ["out"] = _output.Path };
        foreach (var (key, value) in extra ?? new Dictionary<string, object?>()) variables[key] = value;
        return ModuleSession.Run(script, variables);
    }

    private string Unzip(string zip)
    {
        var folder = Directory.CreateTempSubdirectory("ocelot-unzip-").FullName;
        GoFixture.Run("unzip", ["-q", zip, "-d", folder], folder);
        return folder;
    }

    internal static IReadOnlyList<string> ComponentIds(PSObject artifact) =>
        artifact.Get<object[]>("Components").Select(c => (string)PSObject.AsPSObject(c).Properties["Id"].Value).ToList();

    private static string Sha256(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))).ToLowerInvariant();

    [Fact]
    public void Minimal_forwarder_contains_exactly_its_components_with_the_layer_layout_and_modes()
    {
        var result = Run($"Get-OcelotDistribution minimal-forwarder | {Pipeline} -Arch amd64 -SkipCache").AssertSucceeded();
        var artifact = Assert.Single(result.Output);
        Assert.Equal("Ocelot.OcelotLayerArtifact", artifact.TypeNames[0]);
        var zip = artifact.Get<string>("Path");
        Assert.Equal(Path.Combine(_output.Path, "collector-amd64-minimal-forwarder.zip"), zip);
        Assert.Equal(new FileInfo(zip).Length, artifact.Get<long>("Size"));
        var bytes = File.ReadAllBytes(zip);
        Assert.Equal(Convert.ToHexString(MD5.HashData(bytes)).ToLowerInvariant(), artifact.Get<string>("Md5"));
        Assert.Equal(Convert.ToBase64String(SHA256.HashData(bytes)), artifact.Get<string>("CodeSha256"));
        Assert.Equal(environment.UpstreamCommit, artifact.Get<string>("UpstreamCommit"));
        Assert.Equal("v0.158.0", artifact.Get<string>("CollectorVersion"));
        Assert.StartsWith("go1.", artifact.Get<string>("GoVersion"));
        Assert.False(artifact.Get<bool>("FromCache"));
        Assert.Equal(["connector/signaltometrics", "connector/spaneventtolog", "exporter/otlphttp", "extension/asmauthextension",
            "processor/batch", "processor/decouple", "receiver/otlp"], ComponentIds(artifact));

        // The zip, read by an independent tool: entries, order and Unix modes.
        var listing = GoFixture.Run("zipinfo", [zip], _output.Path);
        Assert.Matches(@"drwxr-xr-x .* collector-config/\n-rw-r--r-- .* collector-config/config.yaml\ndrwxr-xr-x .* extensions/\n-rwxr-xr-x .* extensions/collector\n", listing);

        // The binary itself says what Go compiled into it.
        var unzipped = Unzip(zip);
        try
        {
            var collector = Path.Combine(unzipped, "extensions", "collector");
            Assert.Equal(["connector/signaltometrics", "connector/spaneventtolog", "exporter/otlphttp", "extension/asmauthextension", "processor/batch", "processor/decouple", "receiver/otlp"],
                GoFixture.Run(collector, ["--components"], unzipped).Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Equal("v0.158.0", GoFixture.Run(collector, ["-v"], unzipped).Trim());
            Assert.Equal(environment.UpstreamCommit, GoFixture.Run(collector, ["--git-hash"], unzipped).Trim());
            Assert.Equal(File.ReadAllText(Path.Combine(ModuleSession.FixtureConfig, "collector-configs", "forwarder.yaml")),
                File.ReadAllText(Path.Combine(unzipped, "collector-config", "config.yaml")));
        }
        finally
        {
            Directory.Delete(unzipped, recursive: true);
        }
        // libgit2 (managed and native) served from Ocelot's own load context, never the default one.
        var ocelotContext = Assert.Single(System.Runtime.Loader.AssemblyLoadContext.All, c => c.Name == "Ocelot");
        Assert.Contains(ocelotContext.Assemblies, a => a.GetName().Name == "LibGit2Sharp");
        Assert.DoesNotContain(System.Runtime.Loader.AssemblyLoadContext.Default.Assemblies, a => a.GetName().Name == "LibGit2Sharp");
        Assert.Contains(result.Progress, p => p.StatusDescription.Contains("compiling"));
        Assert.Contains(result.Progress, p => p.RecordType == ProgressRecordType.Completed);
    }

    [Fact]
    public void Arm64_is_an_aarch64_binary_rebuilds_are_byte_identical_and_a_plain_rebuild_is_a_cache_hit()
    {
        var first = Assert.Single(Run($"{Pipeline} -Distribution minimal -Arch arm64 -SkipCache").AssertSucceeded().Output);
        var firstHash = Sha256(first.Get<string>("Path"));
        using (var archive = ZipFile.OpenRead(first.Get<string>("Path")))
        using (var binary = archive.GetEntry("extensions/collector")!.Open())
        {
            var header = new byte[20];
            binary.ReadExactly(header);
            Assert.Equal("\u007fELF", System.Text.Encoding.ASCII.GetString(header, 0, 4));
            Assert.Equal(183, BitConverter.ToUInt16(header, 18)); // EM_AARCH64
        }
        var second = Assert.Single(Run($"{Pipeline} -Distribution minimal -Arch arm64 -SkipCache").AssertSucceeded().Output);
        Assert.False(second.Get<bool>("FromCache"));
        Assert.Equal(firstHash, Sha256(second.Get<string>("Path")));

        File.Delete(second.Get<string>("Path"));
        var cached = Assert.Single(Run($"{Pipeline} -Distribution minimal -Arch arm64").AssertSucceeded().Output);
        Assert.True(cached.Get<bool>("FromCache"));
        Assert.Equal(firstHash, Sha256(cached.Get<string>("Path")));
        Assert.Equal(first.Get<string>("Md5"), cached.Get<string>("Md5"));
        Assert.True(cached.Get<TimeSpan>("Duration") < TimeSpan.FromSeconds(1), $"cache hit took {cached.Get<TimeSpan>("Duration")}");
    }

    [Fact]
    public void Two_architectures_share_one_fetch_overlay_and_dependency_step()
    {
        var result = Run($"{Pipeline} -Distribution minimal-clickhouse -Arch amd64, arm64 -SkipCache -Verbose").AssertSucceeded();
        Assert.Equal(["amd64", "arm64"], result.Output.Select(o => o.Get<string>("Architecture")));
        Assert.Equal(2, result.Verbose.Count(v => v.Message.StartsWith("go mod tidy")));
        Assert.Equal(2, result.Verbose.Count(v => v.Message.StartsWith("go build")));
        Assert.Single(result.Verbose, v => v.Message.StartsWith("Overlay: exporter/clickhouse.go"));
        Assert.All(result.Output, o => Assert.Equal(["exporter/clickhouse", "exporter/otlphttp", "processor/batch", "processor/decouple", "receiver/otlp"], ComponentIds(o)));
    }

    /// <summary>A repository with three commits: a shallow fetch brings one, a full fetch three.</summary>
    private (string Folder, string Head) DeepUpstream(string name)
    {
        var upstream = environment.CreateVariant(name, _ => { });
        for (var i = 1; i <= 2; i++)
        {
            File.AppendAllText(Path.Combine(upstream, "collector", "config.yaml"), $"# revision {i}\n");
            GoFixture.Git(upstream, "commit", "-q", "-am", $"Revision {i}");
        }
        return (upstream, GoFixture.Git(upstream, "rev-parse", "HEAD").Trim());
    }

    private string CachedRepositoryOf(string url) =>
        Directory.GetDirectories(Path.Combine(environment.CacheFolder, "git")).Single(d => GoFixture.Git(d, "config", "remote.origin.url").Trim() == url);

    [Fact]
    public void The_first_fetch_over_smart_HTTP_is_shallow_and_a_later_one_brings_only_the_new_commit()
    {
        var (upstream, head) = DeepUpstream("http-upstream");
        using var server = new GitHttpServer(environment.Root);
        var url = server.UrlOf("http-upstream");
        var artifact = Assert.Single(Run($"{Pipeline} -Distribution minimal -SkipCache", url).AssertSucceeded().Output);
        Assert.Equal(head, artifact.Get<string>("UpstreamCommit"));
        Assert.Equal(url, artifact.Get<string>("UpstreamRepo"));
        var cached = CachedRepositoryOf(url);
        Assert.Equal(head, File.ReadAllText(Path.Combine(cached, "shallow")).Trim());
        Assert.Equal("1", GoFixture.Git(cached, "rev-list", "--all", "--count").Trim());

        File.AppendAllText(Path.Combine(upstream, "collector", "config.yaml"), "# revision 3\n");
        GoFixture.Git(upstream, "commit", "-q", "-am", "Revision 3");
        var next = GoFixture.Git(upstream, "rev-parse", "HEAD").Trim();
        var rebuilt = Assert.Single(Run($"{Pipeline} -Distribution minimal", url).AssertSucceeded().Output);
        Assert.Equal(next, rebuilt.Get<string>("UpstreamCommit"));
        Assert.False(rebuilt.Get<bool>("FromCache"));
        Assert.Equal("2", GoFixture.Git(cached, "rev-list", "--all", "--count").Trim());
        Assert.Equal("ok", GoFixture.Git(cached, "fsck", "--connectivity-only").Trim() is "" ? "ok" : "fsck reported problems");
    }

    [Fact]
    public void A_git_protocol_server_that_refuses_libgit2_shallow_requests_still_builds_through_a_full_fetch()
    {
        // git daemon's upload-pack (git 2.39) rejects libgit2's shallow "want" line; Ocelot falls back to a plain fetch.
        var (_, head) = DeepUpstream("daemon-upstream");
        var port = LoopbackPort.Free();
        var daemon = ChildProcess.StartServer("git",
            ["daemon", $"--base-path={environment.Root}", "--export-all", "--reuseaddr", "--listen=127.0.0.1", $"--port={port}", environment.Root],
            port, TimeSpan.FromSeconds(10));
        try
        {
            var url = $"git://127.0.0.1:{port}/daemon-upstream";
            var artifact = Assert.Single(Run($"{Pipeline} -Distribution minimal -SkipCache", url).AssertSucceeded().Output);
            Assert.Equal(head, artifact.Get<string>("UpstreamCommit"));
            Assert.Equal("3", GoFixture.Git(CachedRepositoryOf(url), "rev-list", "--all", "--count").Trim());
        }
        finally
        {
            ChildProcess.Stop(daemon);
        }
    }

    [Fact]
    public void A_commit_SHA_builds_exactly_that_commit_even_when_the_branch_has_moved_on()
    {
        var upstream = environment.CreateVariant("moved-upstream", _ => { });
        var first = GoFixture.Git(upstream, "rev-parse", "HEAD").Trim();
        File.AppendAllText(Path.Combine(upstream, "collector", "config.yaml"), "# changed after the first commit\n");
        GoFixture.Git(upstream, "commit", "-q", "-am", "Second commit");

        // default ships upstream's config.yaml, so the zip shows which commit's config went in.
        var artifact = Assert.Single(Run($"{Pipeline} -Distribution default -UpstreamRef {first[..12]}", upstream).AssertSucceeded().Output);
        Assert.Equal(first, artifact.Get<string>("UpstreamCommit"));
        var unzipped = Unzip(artifact.Get<string>("Path"));
        try
        {
            Assert.DoesNotContain("changed after", File.ReadAllText(Path.Combine(unzipped, "collector-config", "config.yaml")));
        }
        finally
        {
            Directory.Delete(unzipped, recursive: true);
        }
    }

    [Fact]
    public void A_ref_that_does_not_exist_is_a_terminating_error_suggesting_the_closest_ref()
    {
        var result = Run($"try {{ {Pipeline} -Distribution minimal -UpstreamRef mian }} catch {{ 'caught ' + $_.FullyQualifiedErrorId; $_.Exception.Message }}");
        Assert.Equal("caught UpstreamRefNotFound,Ocelot.Commands.InvokeOcelotBuildCommand", result.Output[0].BaseObject);
        Assert.Contains("Did you mean 'main'", (string)result.Output[1].BaseObject);
    }

    [Fact]
    public void Missing_go_is_a_NotInstalled_error_that_says_how_to_install_it()
    {
        var path = Environment.GetEnvironmentVariable("PATH");
        environment.Set("PATH", _temp.Path);
        try
        {
            var result = Run($"{Pipeline} -Distribution minimal");
            var error = Assert.Single(result.AllErrors);
            Assert.Equal("GoToolchainNotFound,Ocelot.Commands.InvokeOcelotBuildCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.NotInstalled, error.CategoryInfo.Category);
            Assert.Contains("Install Go", error.ErrorDetails.RecommendedAction);
        }
        finally
        {
            environment.Set("PATH", path);
        }
    }

    [Fact]
    public void An_upstream_that_needs_a_newer_go_names_both_versions()
    {
        var upstream = environment.CreateVariant("future-go-upstream", folder =>
        {
            var goMod = Path.Combine(folder, "collector", "go.mod");
            File.WriteAllText(goMod, File.ReadAllText(goMod).Replace("\ngo 1.19\n", "\ngo 1.99.1\n"));
        });
        var error = Assert.Single(Run($"{Pipeline} -Distribution minimal -SkipCache", upstream).AllErrors);
        Assert.Equal("GoToolchainTooOld,Ocelot.Commands.InvokeOcelotBuildCommand", error.FullyQualifiedErrorId);
        Assert.Contains("1.99.1", error.Exception.Message);
        Assert.Contains("go1.19", error.Exception.Message);
        // Go 1.19 cannot switch toolchains (1.21+ can, with GOTOOLCHAIN=auto): the refusal says so.
        Assert.Contains("older than 1.21", error.Exception.Message);
    }

    [Fact]
    public void A_compile_error_in_an_overlay_file_reports_go_s_message_and_leaves_no_build_tree()
    {
        using var fork = new TempFolder();
        fork.Write("config/distributions.yaml", "broken:\n  buildtags: [lambdacomponents.custom, lambdacomponents.receiver.otlp, lambdacomponents.exporter.broken]\n");
        fork.Write("components/collector/lambdacomponents/exporter/broken.go",
            "//go:build lambdacomponents.custom && (lambdacomponents.all || lambdacomponents.exporter.all || lambdacomponents.exporter.broken)\n\n" +
            "package exporter\n\nvar brokenCount int = \"not a number\"\n");
        environment.Set("TMPDIR", _temp.Path);
        try
        {
            var result = Run($"{Pipeline} -Distribution broken -ConfigPath $cfg -SkipCache -SkipConfigCheck", extra: new Dictionary<string, object?> { ["cfg"] = Path.Combine(fork.Path, "config") });
            var error = Assert.Single(result.AllErrors);
            Assert.Equal("GoBuildFailed,Ocelot.Commands.InvokeOcelotBuildCommand", error.FullyQualifiedErrorId);
            Assert.Contains("broken.go", error.Exception.Message);
            Assert.Contains("cannot use", error.Exception.Message);
            Assert.Empty(result.Output);
            Assert.Empty(Directory.GetFileSystemEntries(_temp.Path));
            Assert.Empty(Directory.GetFileSystemEntries(_output.Path));
        }
        finally
        {
            environment.Set("TMPDIR", null);
        }
    }

    [Theory]
    [InlineData("fetch")]
    [InlineData("overlay")]
    [InlineData("dependencies")]
    [InlineData("compile")]
    [InlineData("package")]
    public void An_injected_fault_gives_a_clear_error_and_leaves_no_temporary_tree_or_partial_zip(string stage)
    {
        environment.Set("TMPDIR", _temp.Path);
        environment.Set("OCELOT_INJECT_FAULT", stage);
        try
        {
            var result = Run($"{Pipeline} -Distribution minimal-s3export -SkipCache");
            var error = Assert.Single(result.AllErrors);
            Assert.Equal("InjectedFault,Ocelot.Commands.InvokeOcelotBuildCommand", error.FullyQualifiedErrorId);
            Assert.Contains($"{stage} stage", error.Exception.Message);
            Assert.Empty(result.Output);
            Assert.Empty(Directory.GetFileSystemEntries(_temp.Path));
            Assert.Empty(Directory.GetFileSystemEntries(_output.Path));
            var artifacts = Path.Combine(environment.CacheFolder, "artifacts");
            if (Directory.Exists(artifacts)) Assert.DoesNotContain(Directory.GetDirectories(artifacts), d => d.EndsWith(".tmp"));
        }
        finally
        {
            environment.Set("OCELOT_INJECT_FAULT", null);
            environment.Set("TMPDIR", null);
        }
    }

    [Fact]
    public void A_tag_that_no_go_build_line_mentions_is_a_warning_naming_the_closest_known_tag()
    {
        using var config = new TempFolder();
        config.Write("distributions.yaml", "typo:\n  buildtags: [lambdacomponents.custom, lambdacomponents.receiver.otlp, lambdacomponents.processor.memory_limiter]\n");
        var result = Run($"{Pipeline} -Distribution typo -ConfigPath $cfg -SkipConfigCheck", extra: new Dictionary<string, object?> { ["cfg"] = config.Path }).AssertSucceeded();
        var warning = Assert.Single(result.Warnings, w => w.Message.Contains("memory_limiter"));
        Assert.Contains("'lambdacomponents.processor.memorylimiter'", warning.Message);
        Assert.Equal(["receiver/otlp"], ComponentIds(Assert.Single(result.Output)));
    }

    [Fact]
    public void KeepWorkingTree_keeps_the_overlaid_upstream_tree_and_says_where()
    {
        var result = Run($"{Pipeline} -Distribution minimal-clickhouse -SkipCache -KeepWorkingTree").AssertSucceeded();
        var tree = Assert.Single(result.Output).Get<string>("WorkingTree");
        try
        {
            Assert.True(File.Exists(Path.Combine(tree, "upstream", "collector", "lambdacomponents", "exporter", "clickhouse.go")));
            Assert.Contains(result.Information, i => i.MessageData.ToString()!.Contains(tree));
        }
        finally
        {
            Directory.Delete(tree, recursive: true);
        }
    }

    [Fact]
    public async Task Concurrent_builds_sharing_one_cache_both_succeed_with_identical_zips()
    {
        using var otherOutput = new TempFolder();
        var builds = new[] { _output.Path, otherOutput.Path }.Select(folder => Task.Run(() =>
            ModuleSession.Run("Invoke-OcelotBuild -Distribution minimal-s3export -UpstreamRepo $upstream -OutputDirectory $out -SkipCache",
                new Dictionary<string, object?> { ["upstream"] = environment.UpstreamFolder, ["out"] = folder }))).ToArray();
        var results = await Task.WhenAll(builds);
        var hashes = results.Select(r => Sha256(Assert.Single(r.AssertSucceeded().Output).Get<string>("Path"))).ToList();
        Assert.Equal(hashes[0], hashes[1]);
    }

    [Fact]
    public void Stopping_the_pipeline_kills_go_and_removes_the_build_tree()
    {
        environment.Set("TMPDIR", _temp.Path);
        // -a rebuilds the standard library too, so the compile lasts long enough to be stopped.
        environment.Set("GOFLAGS", Environment.GetEnvironmentVariable("GOFLAGS") + " -a");
        try
        {
            using var runspace = System.Management.Automation.Runspaces.RunspaceFactory.CreateRunspace(
                System.Management.Automation.Runspaces.InitialSessionState.CreateDefault2());
            runspace.Open();
            using var shell = PowerShell.Create();
            shell.Runspace = runspace;
            shell.AddScript($"Import-Module '{ModuleSession.ManifestPath}'; {Pipeline} -Distribution minimal -SkipCache -Verbose");
            runspace.SessionStateProxy.SetVariable("upstream", environment.UpstreamFolder);
            runspace.SessionStateProxy.SetVariable("out", _output.Path);
            var compiling = new ManualResetEventSlim();
            shell.Streams.Verbose.DataAdded += (_, e) =>
            {
                if (shell.Streams.Verbose[e.Index].Message.StartsWith("go build")) compiling.Set();
            };
            var running = shell.BeginInvoke();
            Assert.True(compiling.Wait(TimeSpan.FromSeconds(60)), "the build never reached the compile step");
            var tree = Assert.Single(Directory.GetDirectories(_temp.Path, "ocelot-build-*"));
            Thread.Sleep(500);
            shell.Stop();
            Assert.Throws<PipelineStoppedException>(() => shell.EndInvoke(running));
            Assert.False(Directory.Exists(tree), "the build tree should be removed when the pipeline stops");
            // go's own temporary folders (go-build*) lived inside the build tree, so nothing else is left behind.
            Assert.DoesNotContain(Directory.GetFileSystemEntries(_temp.Path), e => !Path.GetFileName(e).StartsWith("CoreFxPipe_", StringComparison.Ordinal));
            Assert.Empty(ProcessesMentioning(tree));
            Assert.Empty(Directory.GetFileSystemEntries(_output.Path));
        }
        finally
        {
            environment.Set("GOFLAGS", Environment.GetEnvironmentVariable("GOFLAGS")!.Replace(" -a", string.Empty));
            environment.Set("TMPDIR", null);
        }
    }

    /// <summary>Processes whose command line names <paramref name="text"/> (Linux /proc).</summary>
    private static List<string> ProcessesMentioning(string text)
    {
        var found = new List<string>();
        foreach (var folder in Directory.GetDirectories("/proc"))
        {
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(folder, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains(text)) found.Add($"{Path.GetFileName(folder)}: {commandLine}");
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return found;
    }
}
