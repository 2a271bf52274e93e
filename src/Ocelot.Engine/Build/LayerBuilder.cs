using System.Diagnostics;
using Ocelot.Engine.Cache;
using Ocelot.Engine.CollectorConfig;
using Ocelot.Engine.Components;
using Ocelot.Engine.Distributions;
using Ocelot.Engine.Failures;
using Ocelot.Engine.Go;
using Ocelot.Engine.Operations;
using Ocelot.Engine.Overlay;
using Ocelot.Engine.Packaging;
using Ocelot.Engine.Upstream;

namespace Ocelot.Engine.Build;

/// <summary>
/// Builds layer zips: resolve the upstream ref once, then per distribution export that commit, overlay the selected
/// wrappers, add their Go modules, and per architecture compile and package. Every input is in the cache key, so an
/// unchanged build is answered from the cache. A failure of one distribution is reported and the others go on.
/// </summary>
public sealed class LayerBuilder(LayerBuildSettings settings)
{
    private const string ActivityName = "Building collector layers";
    private static readonly string[] GoEnvironmentInKey = ["GOVERSION", "GOFLAGS", "GOEXPERIMENT", "GOAMD64", "GOARM64", "GOTOOLCHAIN"];
    private static readonly Dictionary<string, string?> ModuleEnvironment = new() { ["GOWORK"] = "off" };
    private static readonly Dictionary<string, string?> LocalGoEnvironment = new() { ["GOWORK"] = "off", ["GOTOOLCHAIN"] = "local" };

    private readonly LayerBuildSettings _settings = settings;
    private readonly FaultInjection _faults = new(settings.FaultStage);
    private readonly ArtifactCache _cache = new(settings.CacheFolder);
    private IOperationSink _sink = NullOperationSink.Instance;
    private ResolvedUpstream? _upstream;
    private GoToolchain? _go;
    private IReadOnlyList<string> _goEnvironment = [];
    private IReadOnlyDictionary<string, string?> _goRunEnvironment = ModuleEnvironment;
    private int _unitsDone;
    private int _unitsTotal;
    private string _activity = ActivityName;

    /// <summary>
    /// Validates the settings, finds go and resolves the upstream ref to one commit. Runs once: every distribution of
    /// this builder is built from that same commit, even if the branch moves meanwhile.
    /// </summary>
    public async Task EnsureUpstreamAsync(IOperationSink sink, CancellationToken cancellationToken)
    {
        _sink = sink;
        if (_upstream is not null) return;
        var source = UpstreamSource.Parse(_settings.UpstreamRepository, _settings.CurrentDirectory);
        var gitRef = UpstreamRef.Validate(_settings.UpstreamRef);
        PrepareOutputDirectory(_settings.OutputDirectory);
        _go = GoToolchain.Locate(_settings.GoExecutable);
        _sink.Progress(new ProgressUpdate(1, ActivityName, $"fetching {source.DisplayName} at {gitRef}"));
        _faults.Check(BuildStage.Fetch, source.DisplayName);
        await StorageFailure.RunAsync(_settings.CacheFolder, "use the cache folder", async () =>
        {
            Directory.CreateDirectory(_settings.CacheFolder);
            _upstream = await new UpstreamCache(_settings.CacheFolder).ResolveAsync(source, gitRef, _sink, cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
        _goEnvironment = await _go.EnvAsync(GoEnvironmentInKey, _settings.CacheFolder, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Builds one distribution for every architecture asked, writing each artifact as it is ready.</summary>
    public async Task BuildAsync(DistributionToBuild item, Action<OcelotLayerArtifact> onArtifact, IOperationSink sink, CancellationToken cancellationToken)
    {
        await EnsureUpstreamAsync(sink, cancellationToken).ConfigureAwait(false);
        _activity = $"Building {item.Distribution.Name}";
        _unitsDone = 0;
        _unitsTotal = 3 + 2 * _settings.Architectures.Count;
        try
        {
            await BuildDistributionAsync(item, onArtifact, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sink.Progress(new ProgressUpdate(1, _activity, "done", 100, Completed: true));
        }
    }

    private async Task BuildDistributionAsync(DistributionToBuild item, Action<OcelotLayerArtifact> onArtifact, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var overlayFiles = OverlayFiles(item);
        var keys = _settings.Architectures.ToDictionary(a => a, a => CacheKey(_settings, item.Distribution, _upstream!, overlayFiles, _goEnvironment, a).Value);
        var missing = TakeFromCache(item.Distribution, keys, clock, onArtifact);
        _unitsTotal = 3 + 2 * missing.Count;
        if (missing.Count > 0) await BuildInFreshFolderAsync(item.Distribution, overlayFiles, missing, keys, clock, onArtifact, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the artifact of every architecture the cache has; returns the architectures left to build.</summary>
    private List<string> TakeFromCache(ResolvedDistribution distribution, IReadOnlyDictionary<string, string> keys, Stopwatch clock, Action<OcelotLayerArtifact> onArtifact)
    {
        var missing = new List<string>();
        foreach (var architecture in _settings.Architectures)
        {
            var cached = _settings.SkipCache ? null : _cache.TryGet(keys[architecture]);
            if (cached is null)
            {
                missing.Add(architecture);
                continue;
            }
            var output = OutputPath(distribution, architecture);
            ArtifactCache.CopyToOutput(cached.Value.ZipPath, output, cached.Value.Artifact.Sha256);
            _sink.Verbose($"{distribution.Name} ({architecture}) is in the cache (key {keys[architecture]}).");
            // Only the built content comes from the cache; what this call was asked (a description, the repository
            // as given, the config file's path) is this call's, even when an earlier call built the same bytes.
            onArtifact(cached.Value.Artifact with
            {
                Path = output, FromCache = true, Duration = clock.Elapsed, UpstreamRef = _settings.UpstreamRef, WorkingTree = null,
                Distribution = distribution.Name, DistributionDescription = distribution.Description,
                UpstreamRepo = _upstream!.Source.DisplayName, ConfigFile = distribution.ConfigFile,
            });
        }
        return missing;
    }

    /// <summary>Builds in a new temporary folder, removed afterwards unless the caller keeps the working tree.</summary>
    private async Task BuildInFreshFolderAsync(ResolvedDistribution distribution, IReadOnlyList<(string Relative, string File)> overlayFiles,
        IReadOnlyList<string> missing, IReadOnlyDictionary<string, string> keys, Stopwatch clock, Action<OcelotLayerArtifact> onArtifact, CancellationToken cancellationToken)
    {
        // A fresh folder of an unpredictable name, owner-only (mkdtemp): never an existing path or a planted link.
        var work = StorageFailure.Run(Path.GetTempPath(), "create the build folder", () => Directory.CreateTempSubdirectory("ocelot-build-").FullName);
        var succeeded = false;
        try
        {
            await StorageFailure.RunAsync(work, "build", () => BuildInWorkFolderAsync(distribution, overlayFiles, new BuildTree(work), missing, keys, clock, onArtifact, cancellationToken)).ConfigureAwait(false);
            succeeded = true;
        }
        finally
        {
            if (_settings.KeepWorkingTree)
                _sink.Information($"Kept the build tree of {distribution.Name}{(succeeded ? string.Empty : " (failed)")}: {work}");
            else
                DeleteTree(work);
        }
    }

    private async Task BuildInWorkFolderAsync(ResolvedDistribution distribution, IReadOnlyList<(string Relative, string File)> overlayFiles, BuildTree tree,
        IReadOnlyList<string> missing, IReadOnlyDictionary<string, string> keys, Stopwatch clock, Action<OcelotLayerArtifact> onArtifact, CancellationToken cancellationToken)
    {
        var (upstream, go) = (_upstream!, _go!);
        CheckOutUpstream(distribution, tree, cancellationToken);
        var (collectorVersion, goDirective) = ReadUpstreamModule(tree.Collector, upstream);
        Report($"{distribution.Name}: checking the Go toolchain");
        var goVersion = await CheckGoVersionAsync(go, tree.Collector, goDirective, cancellationToken).ConfigureAwait(false);
        Step();

        ApplyOverlay(distribution, overlayFiles, tree);
        Step();

        Report($"{distribution.Name}: adding Go modules");
        _faults.Check(BuildStage.Dependencies, distribution.Name);
        await AddDependenciesAsync(go, tree.Collector, tree.LambdaComponents, distribution, collectorVersion, overlayFiles.Count > 0, cancellationToken).ConfigureAwait(false);
        Step();

        var configFile = LocateConfigFile(distribution, tree, upstream);
        var contents = await ResolveComponentsAsync(go, tree.Collector, tree.LambdaComponents, distribution, missing, cancellationToken).ConfigureAwait(false);
        if (!_settings.SkipConfigCheck) CheckConfig(distribution, configFile, missing, contents);

        foreach (var architecture in missing)
        {
            var target = $"{distribution.Name} ({architecture})";
            Report($"{target}: compiling");
            _faults.Check(BuildStage.Compile, target);
            var binary = await CompileAsync(go, tree.Collector, distribution, architecture, upstream.Commit, collectorVersion, tree.Work, cancellationToken).ConfigureAwait(false);
            Step();

            Report($"{target}: packaging");
            _faults.Check(BuildStage.Package, target);
            var built = new BuiltLayer(distribution, architecture, binary, configFile, collectorVersion, goVersion, contents);
            var artifact = StorageFailure.Run(_settings.CacheFolder, "store the layer zip in the cache",
                () => _cache.Store(keys[architecture], OutputPath(distribution, architecture), zipPath => Package(built, zipPath, cancellationToken)));
            Step();
            onArtifact(artifact with { Path = OutputPath(distribution, architecture), Duration = clock.Elapsed, FromCache = false, WorkingTree = _settings.KeepWorkingTree ? tree.Work : null });
        }
    }

    /// <summary>The folders of one build: upstream's tree is exported into <c>upstream/</c> of the work folder.</summary>
    private sealed record BuildTree(string Work)
    {
        public string UpstreamTree => Path.Combine(Work, "upstream");
        public string Collector => Path.Combine(UpstreamTree, "collector");
        public string LambdaComponents => Path.Combine(Collector, "lambdacomponents");

        /// <summary>go's own temporary files (GOTMPDIR, and TMPDIR for anything it starts).</summary>
        public string GoTemp => Path.Combine(Work, "gotmp");
    }

    /// <summary>What goes into one architecture's zip and its artifact record.</summary>
    private sealed record BuiltLayer(ResolvedDistribution Distribution, string Architecture, string Binary, string ConfigFile,
        string CollectorVersion, string GoVersion, CompiledContents Contents);

    /// <summary>Per architecture the compiled components, and the collector's config providers.</summary>
    private sealed record CompiledContents(Dictionary<string, IReadOnlyList<OcelotLayerComponent>> Components, IReadOnlyList<string> Providers);

    private string OutputPath(ResolvedDistribution distribution, string architecture) =>
        Path.Combine(_settings.OutputDirectory, LayerPackage.FileName(architecture, distribution.Name));

    private void CheckOutUpstream(ResolvedDistribution distribution, BuildTree tree, CancellationToken cancellationToken)
    {
        // go's temporary files stay in the build folder, so a stopped build leaves nothing behind in the system temp folder.
        Directory.CreateDirectory(tree.GoTemp);
        _goRunEnvironment = new Dictionary<string, string?>(ModuleEnvironment) { ["GOTMPDIR"] = tree.GoTemp, ["TMPDIR"] = tree.GoTemp };
        Report($"{distribution.Name}: checking out {_upstream!.Commit[..12]}");
        StorageFailure.Run(tree.Work, "write the upstream tree", () => { UpstreamCache.Export(_upstream, tree.UpstreamTree, cancellationToken); return 0; });
    }

    private void ApplyOverlay(ResolvedDistribution distribution, IReadOnlyList<(string Relative, string File)> overlayFiles, BuildTree tree)
    {
        Report($"{distribution.Name}: overlaying {distribution.Components.Count} component(s)");
        _faults.Check(BuildStage.Overlay, distribution.Name);
        foreach (var (relative, file) in overlayFiles)
        {
            var destination = Path.Combine(tree.LambdaComponents, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            // An upstream file of the same name may be a link (checked to stay in the tree): replace the link itself.
            if (new FileInfo(destination).LinkTarget is not null) File.Delete(destination);
            File.Copy(file, destination, overwrite: true);
            _sink.Verbose($"Overlay: {relative}");
        }
        foreach (var warning in TagAudit.UnknownTagWarnings(tree.Collector, overlayFiles.Select(f => f.File), distribution.BuildTags, distribution.Name))
            _sink.Warning(warning);
    }

    /// <summary>The collector config the layer ships: the distribution's config-file, else upstream's collector/config.yaml.</summary>
    private static string LocateConfigFile(ResolvedDistribution distribution, BuildTree tree, ResolvedUpstream upstream)
    {
        var configFile = distribution.ConfigFile ?? Path.Combine(tree.Collector, "config.yaml");
        if (!File.Exists(configFile))
            throw new OcelotException(ErrorIds.UpstreamLayoutInvalid, FailureKind.InvalidData,
                $"Upstream commit {upstream.Commit} has no collector/config.yaml and distribution '{distribution.Name}' sets no config-file.",
                "Set 'config-file' on the distribution, or build an upstream ref that has collector/config.yaml.", distribution.Name);
        return distribution.ConfigFile is null
            ? LayerInput.RequireInside(configFile, tree.UpstreamTree, "the upstream collector config")
            : LayerInput.RequireInside(configFile, Path.GetDirectoryName(configFile)!, $"the config-file of distribution '{distribution.Name}'");
    }

    /// <summary>Writes the zip at <paramref name="zipPath"/> and describes it.</summary>
    private OcelotLayerArtifact Package(BuiltLayer built, string zipPath, CancellationToken cancellationToken)
    {
        var (distribution, architecture) = (built.Distribution, built.Architecture);
        LayerPackage.Create(zipPath, built.Binary, built.ConfigFile, cancellationToken);
        var digests = LayerPackage.Digest(zipPath);
        return new OcelotLayerArtifact
        {
            Distribution = distribution.Name,
            DistributionDescription = distribution.Description,
            Architecture = architecture,
            Path = zipPath,
            Size = digests.Size,
            Md5 = digests.Md5,
            Sha256 = digests.Sha256,
            CodeSha256 = digests.CodeSha256,
            UpstreamRepo = _upstream!.Source.DisplayName,
            UpstreamRef = _settings.UpstreamRef,
            UpstreamCommit = _upstream.Commit,
            CollectorVersion = built.CollectorVersion,
            BuildTags = [.. distribution.BuildTags],
            Components = [.. built.Contents.Components[architecture]],
            ConfigProviders = [.. built.Contents.Providers],
            GoModules = distribution.GoModules.Select(m => m.ToString()).ToArray(),
            ConfigFile = distribution.ConfigFile,
            GoVersion = built.GoVersion,
        };
    }

    /// <summary>
    /// Per architecture, the compiled components with their types and signals from metadata.yaml (go list runs in the
    /// tidied build tree), and the config providers of upstream's collector.
    /// </summary>
    private async Task<CompiledContents> ResolveComponentsAsync(GoToolchain go, string collector, string lambdaComponents, ResolvedDistribution distribution, IReadOnlyList<string> architectures,
            CancellationToken cancellationToken)
    {
        var components = new Dictionary<string, IReadOnlyList<OcelotLayerComponent>>(StringComparer.Ordinal);
        var componentsModule = File.Exists(Path.Combine(lambdaComponents, "go.mod")) ? lambdaComponents : collector;
        foreach (var architecture in architectures)
        {
            var compiled = CompiledComponents.Select(lambdaComponents, distribution.BuildTags, architecture);
            var resolution = await LayerComponentResolver.ResolveAsync(go, componentsModule, compiled, _goRunEnvironment, _sink, cancellationToken).ConfigureAwait(false);
            if (resolution.Warning is not null && components.Count == 0) _sink.Warning($"{distribution.Name}: {resolution.Warning}");
            components[architecture] = resolution.Components;
        }
        var providers = ConfigProviders.FromUpstream(collector);
        if (providers.Count == 0)
        {
            _sink.Verbose($"No <scheme>provider.NewFactory() call in upstream's collector/*.go: assuming opentelemetry-lambda's providers ({string.Join(", ", ConfigProviders.OpentelemetryLambdaDefault)}).");
            providers = ConfigProviders.OpentelemetryLambdaDefault;
        }
        return new CompiledContents(components, providers);
    }

    /// <summary>Checks the config the layer will ship against each architecture's components; stops the distribution when it does not fit.</summary>
    private void CheckConfig(ResolvedDistribution distribution, string configFile, IReadOnlyList<string> architectures, CompiledContents contents)
    {
        Report($"{distribution.Name}: checking {Path.GetFileName(configFile)}");
        foreach (var architecture in architectures)
        {
            var report = new CollectorConfigValidator(new LayerContents($"{distribution.Name} for {architecture}", contents.Components[architecture], contents.Providers, [])).ValidateFile(configFile);
            foreach (var warning in report.Problems.Where(p => p.Severity == ProblemSeverity.Warning))
                _sink.Warning($"{warning.ErrorId}: {warning}");
            if (!report.IsValid) throw new CollectorConfigRejectedException(distribution.Name, report);
        }
    }

    private static IReadOnlyList<(string Relative, string File)> OverlayFiles(DistributionToBuild item)
    {
        var files = item.Distribution.Components.Select(c => (c.RelativePath, c.FilePath)).ToList();
        var kinds = item.Distribution.Components.Select(c => c.Kind).ToHashSet();
        // Helper files in a kind folder (no component tag of their own) travel with that kind's wrappers.
        foreach (var support in item.Overlay.SupportFiles)
        {
            var kind = Path.GetFileName(Path.GetDirectoryName(support)!);
            if (kinds.Contains(kind)) files.Add(($"{kind}/{Path.GetFileName(support)}", support));
        }
        return files.OrderBy(f => f.RelativePath, StringComparer.Ordinal).ToList();
    }

    private static BuildCacheKey CacheKey(LayerBuildSettings request, ResolvedDistribution distribution, ResolvedUpstream upstream,
        IReadOnlyList<(string Relative, string File)> overlayFiles, IReadOnlyList<string> goEnvironment, string architecture)
    {
        var key = new BuildCacheKey()
            .Add("ocelot", request.OcelotVersion)
            .Add("artifact-json", ArtifactCache.Format)
            .Add("upstream-commit", upstream.Commit)
            .Add("distribution", distribution.Name)
            .Add("architecture", architecture)
            .Add("tags", string.Join(",", distribution.BuildTags))
            .Add("modules", string.Join(",", distribution.GoModules));
        foreach (var (relative, file) in overlayFiles) key.AddFile($"overlay:{relative}", file);
        if (distribution.ConfigFile is null) key.Add("config", "upstream");
        else key.AddFile("config", distribution.ConfigFile);
        for (var i = 0; i < GoEnvironmentInKey.Length; i++) key.Add($"go:{GoEnvironmentInKey[i]}", goEnvironment[i]);
        return key;
    }

    private static (string CollectorVersion, GoVersion? GoDirective) ReadUpstreamModule(string collector, ResolvedUpstream upstream)
    {
        var goMod = Path.Combine(collector, "go.mod");
        if (!File.Exists(goMod))
            throw new OcelotException(ErrorIds.UpstreamLayoutInvalid, FailureKind.InvalidData,
                $"Upstream commit {upstream.Commit} of '{upstream.Source.DisplayName}' has no collector/go.mod: it does not look like opentelemetry-lambda.",
                "Check the upstream repository and ref.", upstream.Source.DisplayName);
        var text = File.ReadAllText(goMod);
        var version = GoModFile.RequiredVersion(text, GoModFile.CollectorModule)
            ?? throw new OcelotException(ErrorIds.UpstreamVersionNotFound, FailureKind.InvalidData,
                $"collector/go.mod of commit {upstream.Commit} requires no '{GoModFile.CollectorModule}', so the collector version is unknown.",
                "Build an upstream ref whose collector/go.mod requires go.opentelemetry.io/collector/otelcol.", upstream.Commit);
        var directives = new[] { text, ReadIfExists(Path.Combine(collector, "lambdacomponents", "go.mod")) }
            .Select(t => t is null ? null : GoModFile.GoDirective(t)).Where(v => v is not null).Select(v => v!).ToList();
        return (version, directives.Count == 0 ? null : directives.Max());
    }

    private static string? ReadIfExists(string path) => File.Exists(path) ? File.ReadAllText(path) : null;

    private async Task<string> CheckGoVersionAsync(GoToolchain go, string collector, GoVersion? directive, CancellationToken cancellationToken)
    {
        if (directive is not null)
        {
            // Ask outside upstream's module, with switching off, so that go reports itself rather than a toolchain it switched to.
            var localText = await go.VersionAsync(Path.GetDirectoryName(collector)!, LocalGoEnvironment, cancellationToken).ConfigureAwait(false);
            if (GoVersion.TryParse(localText) is { } local)
            {
                var setting = (await go.EnvAsync(["GOTOOLCHAIN"], Path.GetDirectoryName(collector)!, cancellationToken).ConfigureAwait(false))[0];
                var decision = ToolchainSwitch.Decide(local, setting, directive);
                if (decision.Choice == ToolchainChoice.Refuse)
                    throw TooOld(go, directive, localText, decision.Reason);
                if (decision.Choice == ToolchainChoice.LetGoSwitch) _sink.Verbose($"Upstream needs Go {directive}: {decision.Reason}.");
            }
        }
        var text = await go.VersionAsync(collector, _goRunEnvironment, cancellationToken).ConfigureAwait(false);
        var version = GoVersion.TryParse(text);
        if (directive is not null && version is not null && version < directive)
            throw TooOld(go, directive, text, "the toolchain go ran is still older");
        _sink.Verbose($"Using {text} ({go.Executable}).");
        return text;
    }

    private static OcelotException TooOld(GoToolchain go, GoVersion directive, string text, string reason) =>
        new(ErrorIds.GoToolchainTooOld, FailureKind.NotInstalled,
            $"Upstream needs Go {directive} (the go directive of its go.mod), but '{go.Executable}' is {text}: {reason}.",
            $"Install Go {directive} or later, or with Go 1.21+ leave GOTOOLCHAIN at auto (not local) so go fetches the toolchain upstream needs.", "go");

    private async Task AddDependenciesAsync(GoToolchain go, string collector, string lambdaComponents, ResolvedDistribution distribution,
        string collectorVersion, bool overlaid, CancellationToken cancellationToken)
    {
        var componentsModule = File.Exists(Path.Combine(lambdaComponents, "go.mod")) ? lambdaComponents : collector;
        var defaultVersion = collectorVersion.StartsWith('v') ? collectorVersion : "v" + collectorVersion;
        foreach (var module in distribution.GoModules)
        {
            var requirement = $"{module.ModulePath}@{module.Version ?? defaultVersion}";
            var edit = await go.RunAsync(["mod", "edit", $"-require={requirement}"], componentsModule, _goRunEnvironment, _sink, cancellationToken).ConfigureAwait(false);
            if (edit.ExitCode != 0)
                throw GoFailed(ErrorIds.GoModEditFailed, $"'go mod edit -require={requirement}' failed for distribution '{distribution.Name}'", edit, distribution.Name);
        }
        if (!overlaid && distribution.GoModules.Count == 0) return;
        var modules = componentsModule == collector ? [collector] : new[] { componentsModule, collector };
        foreach (var module in modules)
        {
            var tidy = await go.RunAsync(["mod", "tidy"], module, _goRunEnvironment, _sink, cancellationToken).ConfigureAwait(false);
            if (tidy.ExitCode != 0)
                throw GoFailed(ErrorIds.GoModTidyFailed, $"'go mod tidy' in {Path.GetFileName(module)} failed for distribution '{distribution.Name}'", tidy, distribution.Name);
        }
    }

    private async Task<string> CompileAsync(GoToolchain go, string collector, ResolvedDistribution distribution, string architecture,
        string commit, string collectorVersion, string work, CancellationToken cancellationToken)
    {
        var output = Path.Combine(work, $"out-{architecture}");
        Directory.CreateDirectory(output);
        var binary = Path.Combine(output, "collector");
        // The flags of upstream's Makefile, so Ocelot's binary matches what `make package` would produce.
        var ldflags = $"-s -w -X main.GitHash={commit} -X main.Version={collectorVersion} " +
                      "-X github.com/open-telemetry/opentelemetry-collector-contrib/exporter/awsxrayexporter.collectorDistribution=opentelemetry-collector-lambda";
        // -buildvcs=false: go would otherwise run git on whatever repository encloses the build tree.
        var arguments = new List<string> { "build", "-trimpath", "-buildvcs=false" };
        if (distribution.BuildTags.Count > 0) arguments.AddRange(["-tags", string.Join(",", distribution.BuildTags)]);
        arguments.AddRange(["-ldflags", ldflags, "-o", binary, "."]);
        var environment = new Dictionary<string, string?>(_goRunEnvironment) { ["GOOS"] = "linux", ["GOARCH"] = architecture, ["CGO_ENABLED"] = "0" };
        var result = await go.RunAsync(arguments, collector, environment, _sink, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0 || !File.Exists(binary))
            throw GoFailed(ErrorIds.GoBuildFailed, $"'go build' of distribution '{distribution.Name}' for {architecture} failed", result, $"{distribution.Name} ({architecture})");
        return binary;
    }

    private static OcelotException GoFailed(string errorId, string what, GoCommandResult result, string target) =>
        new(errorId, FailureKind.InvalidOperation, $"{what} (exit code {result.ExitCode}):\n{GoToolchain.Tail(result.StandardError.Length > 0 ? result.StandardError : result.StandardOutput)}",
            "Read go's message above; verbose output shows all of go's output, and keeping the working tree leaves the build tree to investigate.", target);

    private static void PrepareOutputDirectory(string folder)
    {
        if (File.Exists(folder))
            throw new OcelotException(ErrorIds.BuildOutputInvalid, FailureKind.InvalidArgument,
                $"The output directory '{folder}' is a file.", "Give a folder path as the output directory.", folder);
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OcelotException(ErrorIds.BuildOutputInvalid, FailureKind.WriteError,
                $"The output directory '{folder}' cannot be created: {ex.Message}", "Give an output directory you can write to.", folder, ex);
        }
    }

    private void DeleteTree(string folder)
    {
        if (!Directory.Exists(folder)) return;
        try
        {
            // Go marks some generated files read-only; make the folders writable first. Links (which may point
            // anywhere) are neither followed nor changed: only the link itself is removed.
            if (!OperatingSystem.IsWindows()) MakeFoldersWritable(folder);
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _sink.Warning($"Could not remove the build tree '{folder}': {ex.Message}");
        }
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void MakeFoldersWritable(string folder)
    {
        File.SetUnixFileMode(folder, File.GetUnixFileMode(folder) | UnixFileMode.UserWrite | UnixFileMode.UserRead | UnixFileMode.UserExecute);
        foreach (var entry in new DirectoryInfo(folder).EnumerateDirectories())
            if (entry.LinkTarget is null) MakeFoldersWritable(entry.FullName);
    }

    private void Report(string status) =>
        _sink.Progress(new ProgressUpdate(1, _activity, status, Math.Clamp(_unitsTotal == 0 ? 0 : 100 * _unitsDone / _unitsTotal, 0, 99)));

    private void Step() => _unitsDone++;
}
