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
    public async Task BuildAsync(DistributionToBuild item, Action<LayerArtifact> onArtifact, IOperationSink sink, CancellationToken cancellationToken)
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

    private async Task BuildDistributionAsync(DistributionToBuild item, Action<LayerArtifact> onArtifact, CancellationToken cancellationToken)
    {
        var (request, upstream, go, cache, faults) = (_settings, _upstream!, _go!, _cache, _faults);
        var clock = Stopwatch.StartNew();
        var distribution = item.Distribution;
        var overlayFiles = OverlayFiles(item);
        var keys = request.Architectures.ToDictionary(a => a, a => CacheKey(request, distribution, upstream, overlayFiles, _goEnvironment, a));
        var missing = new List<string>();
        foreach (var architecture in request.Architectures)
        {
            var cached = request.SkipCache ? null : cache.TryGet(keys[architecture].Value);
            if (cached is null)
            {
                missing.Add(architecture);
                continue;
            }
            var output = Path.Combine(request.OutputDirectory, LayerPackage.FileName(architecture, distribution.Name));
            ArtifactCache.CopyToOutput(cached.Value.ZipPath, output, cached.Value.Artifact.Sha256);
            _sink.Verbose($"{distribution.Name} ({architecture}) is in the cache (key {keys[architecture].Value}).");
            // Only the built content comes from the cache; what this call was asked (a description, the repository
            // as given, the config file's path) is this call's, even when an earlier call built the same bytes.
            onArtifact(cached.Value.Artifact with
            {
                Path = output, FromCache = true, Duration = clock.Elapsed, UpstreamRef = request.UpstreamRef, WorkingTree = null,
                Distribution = distribution.Name, DistributionDescription = distribution.Description,
                UpstreamRepo = upstream.Source.DisplayName, ConfigFile = distribution.ConfigFile,
            });
        }
        _unitsTotal = 3 + 2 * missing.Count;
        if (missing.Count == 0) return;

        // A fresh folder of an unpredictable name, owner-only (mkdtemp): never an existing path or a planted link.
        var work = StorageFailure.Run(Path.GetTempPath(), "create the build folder", () => Directory.CreateTempSubdirectory("ocelot-build-").FullName);
        var succeeded = false;
        try
        {
            await StorageFailure.RunAsync(work, "build", () => BuildInWorkFolderAsync(item, onArtifact, work, missing, keys, clock, cancellationToken)).ConfigureAwait(false);
            succeeded = true;
        }
        finally
        {
            if (request.KeepWorkingTree)
                _sink.Information($"Kept the build tree of {distribution.Name}{(succeeded ? string.Empty : " (failed)")}: {work}");
            else
                DeleteTree(work);
        }
    }

    private async Task BuildInWorkFolderAsync(DistributionToBuild item, Action<LayerArtifact> onArtifact, string work, List<string> missing,
        Dictionary<string, BuildCacheKey> keys, Stopwatch clock, CancellationToken cancellationToken)
    {
        var (request, upstream, go, cache, faults) = (_settings, _upstream!, _go!, _cache, _faults);
        var distribution = item.Distribution;
        var overlayFiles = OverlayFiles(item);
        // go's own temporary files (GOTMPDIR, and TMPDIR for anything it starts) stay in the build folder, so a
        // stopped build leaves nothing behind in the system temp folder.
        var goTemp = Path.Combine(work, "gotmp");
        Directory.CreateDirectory(goTemp);
        _goRunEnvironment = new Dictionary<string, string?>(ModuleEnvironment) { ["GOTMPDIR"] = goTemp, ["TMPDIR"] = goTemp };
        var tree = Path.Combine(work, "upstream");
        var collector = Path.Combine(tree, "collector");
        var lambdaComponents = Path.Combine(collector, "lambdacomponents");
        Report($"{distribution.Name}: checking out {upstream.Commit[..12]}");
        StorageFailure.Run(work, "write the upstream tree", () => { UpstreamCache.Export(upstream, tree, cancellationToken); return 0; });
        var (collectorVersion, goDirective) = ReadUpstreamModule(collector, upstream);
        Report($"{distribution.Name}: checking the Go toolchain");
        var goVersion = await CheckGoVersionAsync(go, collector, goDirective, cancellationToken).ConfigureAwait(false);
        Step();

        Report($"{distribution.Name}: overlaying {distribution.Components.Count} component(s)");
        faults.Check(BuildStage.Overlay, distribution.Name);
        foreach (var (relative, file) in overlayFiles)
        {
            var destination = Path.Combine(lambdaComponents, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            // An upstream file of the same name may be a link (checked to stay in the tree): replace the link itself.
            if (new FileInfo(destination).LinkTarget is not null) File.Delete(destination);
            File.Copy(file, destination, overwrite: true);
            _sink.Verbose($"Overlay: {relative}");
        }
        foreach (var warning in TagAudit.UnknownTagWarnings(collector, overlayFiles.Select(f => f.File), distribution.BuildTags, distribution.Name))
            _sink.Warning(warning);
        Step();

        Report($"{distribution.Name}: adding Go modules");
        faults.Check(BuildStage.Dependencies, distribution.Name);
        await AddDependenciesAsync(go, collector, lambdaComponents, distribution, collectorVersion, overlayFiles.Count > 0, cancellationToken).ConfigureAwait(false);
        Step();

        var configFile = distribution.ConfigFile ?? Path.Combine(collector, "config.yaml");
        if (!File.Exists(configFile))
            throw new OcelotException(ErrorIds.UpstreamLayoutInvalid, FailureKind.InvalidData,
                $"Upstream commit {upstream.Commit} has no collector/config.yaml and distribution '{distribution.Name}' sets no config-file.",
                "Set 'config-file' on the distribution, or build an upstream ref that has collector/config.yaml.", distribution.Name);
        configFile = distribution.ConfigFile is null
            ? LayerInput.RequireInside(configFile, tree, "the upstream collector config")
            : LayerInput.RequireInside(configFile, Path.GetDirectoryName(configFile)!, $"the config-file of distribution '{distribution.Name}'");

        var (layerComponents, componentNames, configProviders) =
            await ResolveComponentsAsync(go, collector, lambdaComponents, distribution, missing, cancellationToken).ConfigureAwait(false);
        if (!request.SkipConfigCheck) CheckConfig(distribution, configFile, missing, layerComponents, configProviders);

        foreach (var architecture in missing)
        {
            var target = $"{distribution.Name} ({architecture})";
            Report($"{target}: compiling");
            faults.Check(BuildStage.Compile, target);
            var binary = await CompileAsync(go, collector, distribution, architecture, upstream.Commit, collectorVersion, work, cancellationToken).ConfigureAwait(false);
            Step();

            Report($"{target}: packaging");
            faults.Check(BuildStage.Package, target);
            var output = Path.Combine(request.OutputDirectory, LayerPackage.FileName(architecture, distribution.Name));
            var artifact = StorageFailure.Run(request.CacheFolder, "store the layer zip in the cache", () => cache.Store(keys[architecture].Value, output, zipPath =>
            {
                LayerPackage.Create(zipPath, binary, configFile, cancellationToken);
                var digests = LayerPackage.Digest(zipPath);
                return new LayerArtifact
                {
                    Distribution = distribution.Name,
                    DistributionDescription = distribution.Description,
                    Architecture = architecture,
                    Path = zipPath,
                    Size = digests.Size,
                    Md5 = digests.Md5,
                    Sha256 = digests.Sha256,
                    CodeSha256 = digests.CodeSha256,
                    UpstreamRepo = upstream.Source.DisplayName,
                    UpstreamRef = request.UpstreamRef,
                    UpstreamCommit = upstream.Commit,
                    CollectorVersion = collectorVersion,
                    BuildTags = distribution.BuildTags,
                    Components = componentNames[architecture],
                    LayerComponents = layerComponents[architecture],
                    ConfigProviders = configProviders,
                    GoModules = distribution.GoModules.Select(m => m.ToString()).ToList(),
                    ConfigFile = distribution.ConfigFile,
                    GoVersion = goVersion,
                };
            }));
            Step();
            onArtifact(artifact with { Path = output, Duration = clock.Elapsed, FromCache = false, WorkingTree = request.KeepWorkingTree ? work : null });
        }
    }

    /// <summary>
    /// Per architecture, the compiled components with their types and signals from metadata.yaml (go list runs in the
    /// tidied build tree), and the config providers of upstream's collector.
    /// </summary>
    private async Task<(Dictionary<string, IReadOnlyList<LayerComponent>> Components, Dictionary<string, IReadOnlyList<string>> Names, IReadOnlyList<string> Providers)>
        ResolveComponentsAsync(GoToolchain go, string collector, string lambdaComponents, ResolvedDistribution distribution, IReadOnlyList<string> architectures,
            CancellationToken cancellationToken)
    {
        var components = new Dictionary<string, IReadOnlyList<LayerComponent>>(StringComparer.Ordinal);
        var names = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var componentsModule = File.Exists(Path.Combine(lambdaComponents, "go.mod")) ? lambdaComponents : collector;
        foreach (var architecture in architectures)
        {
            var compiled = CompiledComponents.Select(lambdaComponents, distribution.BuildTags, architecture);
            var resolution = await LayerComponentResolver.ResolveAsync(go, componentsModule, compiled, _goRunEnvironment, _sink, cancellationToken).ConfigureAwait(false);
            if (resolution.Warning is not null && components.Count == 0) _sink.Warning($"{distribution.Name}: {resolution.Warning}");
            components[architecture] = resolution.Components;
            names[architecture] = compiled.Select(c => c.ShortName).ToList();
        }
        var providers = ConfigProviders.FromUpstream(collector);
        if (providers.Count == 0)
        {
            _sink.Verbose($"No <scheme>provider.NewFactory() call in upstream's collector/*.go: assuming opentelemetry-lambda's providers ({string.Join(", ", ConfigProviders.OpentelemetryLambdaDefault)}).");
            providers = ConfigProviders.OpentelemetryLambdaDefault;
        }
        return (components, names, providers);
    }

    /// <summary>Checks the config the layer will ship against each architecture's components; stops the distribution when it does not fit.</summary>
    private void CheckConfig(ResolvedDistribution distribution, string configFile, IReadOnlyList<string> architectures,
        Dictionary<string, IReadOnlyList<LayerComponent>> components, IReadOnlyList<string> providers)
    {
        Report($"{distribution.Name}: checking {Path.GetFileName(configFile)}");
        foreach (var architecture in architectures)
        {
            var report = new CollectorConfigValidator(new LayerContents($"{distribution.Name} for {architecture}", components[architecture], providers, [])).ValidateFile(configFile);
            foreach (var warning in report.Problems.Where(p => p.Severity == ProblemSeverity.Warning))
                _sink.Warning($"{warning.ErrorId}: {warning.Located}");
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
