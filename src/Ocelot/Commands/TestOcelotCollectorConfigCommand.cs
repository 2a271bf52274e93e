using System.Management.Automation;
using Ocelot.Completion;
using Ocelot.Engine.CollectorConfig;
using Ocelot.Engine.Distributions;
using Ocelot.Hosting;

namespace Ocelot.Commands;

/// <summary>
/// <para type="synopsis">Checks collector config files against the components a layer really has.</para>
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "OcelotCollectorConfig", DefaultParameterSetName = ByDistribution, HelpUri = HelpLinks.CmdletDocs + "Test-OcelotCollectorConfig.md")]
[OutputType(typeof(OcelotCollectorConfigResult))]
public sealed class TestOcelotCollectorConfigCommand : OcelotCmdlet
{
    private const string ByDistribution = "Distribution";
    private const string ByLayer = "Layer";

    /// <summary>Config files (wildcards allowed). Default: the distribution's own config file, or the config an artifact's zip ships.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByDistribution)]
    [Parameter(Position = 0, ParameterSetName = ByLayer)]
    [Alias("FullName", "PSPath")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Path { get; set; }

    /// <summary>The distribution whose layer the configs are for, checked before any build.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByDistribution)]
    [ArgumentCompleter(typeof(DistributionNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string Distribution { get; set; } = string.Empty;

    /// <summary>With -Distribution: the distributions.yaml file (or its folder) to read.</summary>
    [Parameter(ParameterSetName = ByDistribution)]
    [ValidateNotNullOrEmpty]
    public string? ConfigPath { get; set; }

    /// <summary>An artifact from Invoke-OcelotBuild or a layer version from Get-OcelotLayer / Publish-OcelotLayer.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByLayer)]
    public PSObject? InputObject { get; set; }

    private LayerContents? _distribution;
    private string? _distributionConfig;

    protected override void BeginProcessing()
    {
        if (ParameterSetName != ByDistribution) return;
        Try(() => DistributionSelection.Open(this, ConfigPath, Settings), OnFailure.Stop, out var catalog);
        var name = DistributionSelection.Match(catalog, [Distribution], e => ThrowTerminatingError(e)).FirstOrDefault();
        if (name is null)
            Fail(new OcelotException(ErrorIds.DistributionNotFound, FailureKind.ObjectNotFound, $"No distribution matches '{Distribution}'.",
                "Run Get-OcelotDistribution to list the distributions.", Distribution), OnFailure.Stop);
        if (DistributionSelection.Resolve(catalog, name!, WriteError) is not { } resolved)
        {
            ThrowTerminatingError(ErrorRecords.Create(new InvalidDataException($"Distribution '{name}' is not valid (see the errors above)."),
                ErrorIds.CollectorConfigTargetMissing, FailureKind.InvalidData, name, "Fix the distribution in distributions.yaml."));
            return;
        }
        Try(() => LayerContentsReader.FromDistribution(resolved, Settings.CacheFolder), OnFailure.Stop, out var known);
        (_distribution, _distributionConfig) = (known.Contents, resolved.ConfigFile);
        if (known.FromTags)
            WriteWarning($"Distribution '{name}' has not been built with these tags yet: component types come from its build tags and their signals are unknown. " +
                "Build it (Invoke-OcelotBuild) or pipe its artifact to check against what Go compiled, with types and signals from each module's metadata.yaml.");
        else
            WriteVerbose($"Checking against {_distribution.Description}: the components of its newest cached build.");
    }

    protected override void ProcessRecord()
    {
        var contents = _distribution;
        if (ParameterSetName == ByLayer)
        {
            contents = LayerContentsReader.FromInput(InputObject!);
            if (contents is null)
            {
                WriteError(ErrorRecords.Create(new InvalidDataException($"{LayerContentsReader.Describe(InputObject!)} records no components to check against."),
                    ErrorIds.CollectorConfigTargetMissing, FailureKind.InvalidData, InputObject,
                    "Pipe an artifact of Invoke-OcelotBuild, or a layer version published by this version of Ocelot with a metadata table; or use -Distribution."));
                return;
            }
        }
        var validator = new CollectorConfigValidator(contents!);
        if (Path is null && ParameterSetName == ByLayer && InputObject!.Properties["Path"]?.Value is string zip && ShippedConfig.Read(zip) is { } shipped)
        {
            Write(validator.Validate(ShippedConfig.DisplayPath(zip), shipped));
            return;
        }
        foreach (var file in Files()) Write(validator.ValidateFile(file));
    }

    private void Write(OcelotCollectorConfigResult report)
    {
        ErrorRecords.WriteProblems(this, report);
        WriteObject(report);
    }

    private IEnumerable<string> Files()
    {
        if (Path is null)
        {
            var own = ParameterSetName == ByDistribution ? _distributionConfig : InputObject?.Properties["ConfigFile"]?.Value as string;
            if (own is not null) return [own];
            WriteError(ErrorRecords.Create(new ArgumentException("No -Path given, and the layer ships upstream's default config, which is only known after a build."),
                ErrorIds.CollectorConfigTargetMissing, FailureKind.InvalidArgument, Distribution, "Give -Path, or pipe the artifact of a build to check."));
            return [];
        }
        var files = new List<string>();
        foreach (var path in Path)
        {
            if (!WildcardPattern.ContainsWildcardCharacters(path))
            {
                files.Add(GetUnresolvedProviderPathFromPSPath(path));
                continue;
            }
            try
            {
                files.AddRange(GetResolvedProviderPathFromPSPath(path, out _));
            }
            catch (ItemNotFoundException)
            {
                files.Add(GetUnresolvedProviderPathFromPSPath(path));
            }
        }
        return files;
    }
}
