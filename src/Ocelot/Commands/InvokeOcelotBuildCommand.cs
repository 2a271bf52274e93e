using System.Management.Automation;
using Ocelot.Completion;
using Ocelot.Engine.Build;
using Ocelot.Engine.Distributions;
using Ocelot.Engine.Packaging;
using Ocelot.Engine.Upstream;
using Ocelot.Hosting;

namespace Ocelot.Commands;

/// <summary>
/// <para type="synopsis">Builds the collector layer zip of distributions, for one or more architectures.</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "OcelotBuild", DefaultParameterSetName = ByInputObject, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, HelpUri = HelpLinks.CmdletDocs + "Invoke-OcelotBuild.md")]
[OutputType(typeof(OcelotLayerArtifact))]
public sealed class InvokeOcelotBuildCommand : OcelotCmdlet
{
    private const string ByInputObject = "InputObject";
    private const string ByName = "Name";

    /// <summary>Distributions from Get-OcelotDistribution.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByInputObject)]
    public OcelotDistribution[] InputObject { get; set; } = [];

    /// <summary>Distribution names (wildcards allowed), instead of piping Get-OcelotDistribution; strings piped in bind here.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByName)]
    [Alias("Name")]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(DistributionNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] Distribution { get; set; } = [];

    /// <summary>With -Distribution: the distributions.yaml file (or its folder) to read.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByName)]
    [ValidateNotNullOrEmpty]
    public string? ConfigPath { get; set; }

    /// <summary>amd64 (default), arm64, or both: one layer zip each.</summary>
    [Parameter]
    [Alias("Arch")]
    [ValidateSet("amd64", "arm64")]
    public string[] Architecture { get; set; } = ["amd64"];

    /// <summary>owner/name on GitHub, any git URL, or the path of a local clone.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string UpstreamRepo { get; set; } = UpstreamSource.DefaultRepository;

    /// <summary>A branch, tag or commit SHA.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(UpstreamRefCompleter))]
    public string UpstreamRef { get; set; } = Engine.Upstream.UpstreamRef.DefaultRef;

    /// <summary>Where the zips are written (default ./build); created if needed.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string OutputDirectory { get; set; } = "./build";

    /// <summary>Build from source even when the build cache holds an identical artifact (the new build replaces it).</summary>
    [Parameter]
    public SwitchParameter SkipCache { get; set; }

    /// <summary>Keep the build tree (upstream checkout with the overlay) and say where it is.</summary>
    [Parameter]
    public SwitchParameter KeepWorkingTree { get; set; }

    /// <summary>Build without first checking the distribution's collector config against the layer's components.</summary>
    [Parameter]
    public SwitchParameter SkipConfigCheck { get; set; }

    private readonly Dictionary<string, object> _catalogs = new(StringComparer.Ordinal);
    private readonly HashSet<string> _built = new(StringComparer.Ordinal);
    private object? _builder;

    protected override void BeginProcessing()
    {
        var settings = new LayerBuildSettings(Architecture.Distinct(StringComparer.Ordinal).ToList(), UpstreamRepo, UpstreamRef,
            GetUnresolvedProviderPathFromPSPath(OutputDirectory), Settings.CacheFolder, SessionState.Path.CurrentFileSystemLocation.ProviderPath,
            ModuleVersion, SkipCache, KeepWorkingTree, Settings.FaultStage, Settings.GoExecutable) { SkipConfigCheck = SkipConfigCheck };
        var builder = new LayerBuilder(settings);
        _builder = builder;
        WriteVerbose($"Build cache: {settings.CacheFolder}");
        // Resolve the upstream commit once, up front: a bad repository, ref or toolchain stops the whole command.
        // -WhatIf fetches nothing: it only says which zips would be written.
        if (!WhatIfInEffect) Run((pump, token) => builder.EnsureUpstreamAsync(pump, token), OnFailure.Stop);
    }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == ByName)
        {
            var catalog = Catalog(ConfigPath);
            foreach (var name in DistributionSelection.Match(catalog, Distribution, WriteError)) Build(catalog, name);
            return;
        }
        foreach (var item in InputObject)
            Build(Catalog(item.ConfigPath), item.Name);
    }

    private void Build(DistributionCatalog catalog, string name)
    {
        if (!_built.Add($"{catalog.Location.DistributionsFile}|{name}")) return;
        if (!catalog.Names.Contains(name))
        {
            WriteError(ErrorRecords.Create(new ItemNotFoundException($"Distribution '{name}' is no longer defined in '{catalog.Location.DistributionsFile}'."),
                ErrorIds.DistributionNotFound, FailureKind.ObjectNotFound, name, "Run Get-OcelotDistribution again."));
            return;
        }
        if (DistributionSelection.Resolve(catalog, name, WriteError) is not { } resolved) return;
        var outputDirectory = GetUnresolvedProviderPathFromPSPath(OutputDirectory);
        var zips = Architecture.Distinct(StringComparer.Ordinal).Select(arch => System.IO.Path.Combine(outputDirectory, LayerPackage.FileName(arch, name)));
        if (!ShouldChange(string.Join(", ", zips), $"Build the '{name}' layer zip from {UpstreamSource.Redact(UpstreamRepo)} at {UpstreamRef}", force: false)) return;
        var item = new DistributionToBuild(resolved, catalog.Overlay);
        var builder = (LayerBuilder)_builder!;
        Run((pump, token) => builder.BuildAsync(item, artifact => pump.Post(() => WriteObject(artifact)), pump, token), OnFailure.WriteError);
    }

    private DistributionCatalog Catalog(string? configPath)
    {
        var cacheKey = configPath ?? string.Empty;
        if (_catalogs.TryGetValue(cacheKey, out var cached)) return (DistributionCatalog)cached;
        Try(() => DistributionSelection.Open(this, configPath, Settings), OnFailure.Stop, out var catalog);
        _catalogs[cacheKey] = catalog;
        return catalog;
    }
}
