using System.Management.Automation;
using Ocelot.Module.Tests.Harness;
using Xunit;

namespace Ocelot.Module.Tests;

/// <summary>Bad distributions.yaml input: each gives an ErrorRecord with a stable id, a category and the file position.</summary>
public sealed class DistributionConfigErrorTests : IDisposable
{
    private readonly TempFolder _config = new();

    public void Dispose() => _config.Dispose();

    private PipelineResult Get(string yaml, string names = "")
    {
        _config.Write("distributions.yaml", yaml);
        return ModuleSession.Run($"Get-OcelotDistribution {names} -ConfigPath $cfg", new Dictionary<string, object?> { ["cfg"] = _config.Path });
    }

    private static ErrorRecord Only(PipelineResult result, string errorId)
    {
        var error = Assert.Single(result.AllErrors);
        Assert.Equal($"{errorId},Ocelot.Commands.GetOcelotDistributionCommand", error.FullyQualifiedErrorId);
        Assert.DoesNotContain("   at ", error.Exception.Message);
        return error;
    }

    /// <summary>A terminating error stops the statement, so try/catch sees it (a non-terminating one would not be caught).</summary>
    private void AssertTerminating(string errorId, string fileName)
    {
        var caught = ModuleSession.Run($"try {{ Get-OcelotDistribution -ConfigPath ([IO.Path]::Combine($cfg, '{fileName}')) }} catch {{ 'caught ' + $_.FullyQualifiedErrorId }}",
            new Dictionary<string, object?> { ["cfg"] = _config.Path });
        Assert.Equal($"caught {errorId},Ocelot.Commands.GetOcelotDistributionCommand", Assert.Single(caught.Output).BaseObject);
    }

    [Fact]
    public void A_missing_file_is_a_terminating_ConfigFileNotFound_error()
    {
        var result = ModuleSession.Run("Get-OcelotDistribution -ConfigPath ([IO.Path]::Combine($cfg, 'nothing.yaml'))", new Dictionary<string, object?> { ["cfg"] = _config.Path });
        var error = Only(result, "ConfigFileNotFound");
        AssertTerminating("ConfigFileNotFound", "nothing.yaml");
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Contains("nothing.yaml", error.Exception.Message);
    }

    [Fact]
    public void A_YAML_syntax_error_reports_the_file_line_and_column()
    {
        var result = Get("minimal:\n  buildtags: [lambdacomponents.custom\nother:\n  base: minimal\n");
        var error = Only(result, "ConfigYamlSyntax");
        AssertTerminating("ConfigYamlSyntax", "distributions.yaml");
        Assert.Equal(ErrorCategory.ParserError, error.CategoryInfo.Category);
        Assert.Matches(@"distributions\.yaml:\d+:\d+: ", error.Exception.Message);
        Assert.Contains("line", error.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void A_top_level_list_is_a_terminating_ConfigNotAMapping_error()
    {
        var error = Only(Get("- minimal\n- full\n"), "ConfigNotAMapping");
        Assert.Contains("distributions.yaml:1:1", error.Exception.Message);
    }

    [Fact]
    public void A_distribution_that_is_not_a_mapping_is_reported_and_the_others_still_load()
    {
        var result = Get("good:\n  buildtags: [a.b]\nbad: just text\n");
        Assert.Equal("good", Assert.Single(result.Output).Get<string>("Name"));
        var error = Only(result, "DistributionNotAMapping");
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.Equal("bad", error.TargetObject);
        Assert.Contains("distributions.yaml:3:1", error.Exception.Message);
    }

    [Fact]
    public void An_unknown_key_names_the_key_the_allowed_keys_the_line_and_the_likely_intent()
    {
        var error = Only(Get("mine:\n  description: x\n  build-tags:\n    - a.b\n"), "DistributionUnknownKey");
        Assert.Contains("'build-tags'", error.Exception.Message);
        Assert.Contains("base, buildtags, config-file, description", error.Exception.Message);
        Assert.Contains("distributions.yaml:3:3", error.Exception.Message);
        Assert.Contains("Did you mean 'buildtags'", error.Exception.Message);
        Assert.Contains("line 3", error.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void A_missing_base_suggests_the_closest_name()
    {
        var error = Only(Get("minimal:\n  buildtags: [a.b]\nchild:\n  base: minimall\n", "child"), "DistributionBaseNotFound");
        Assert.Contains("'minimall'", error.Exception.Message);
        Assert.Contains("Did you mean 'minimal'", error.Exception.Message);
        Assert.Contains("distributions.yaml:4:9", error.Exception.Message);
    }

    [Fact]
    public void A_base_cycle_shows_the_chain()
    {
        var result = Get("a:\n  base: b\nb:\n  base: a\nc:\n  buildtags: [x.y]\n");
        Assert.Equal("c", Assert.Single(result.Output).Get<string>("Name"));
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.StartsWith("DistributionBaseCycle,", e.FullyQualifiedErrorId));
        Assert.Contains("a -> b -> a", result.Errors[0].Exception.Message);
        Assert.Contains("b -> a -> b", result.Errors[1].Exception.Message);
    }

    [Fact]
    public void A_distribution_with_an_invalid_base_is_unusable_and_says_why()
    {
        var result = Get("parent:\n  buildtags: Not.A.List\nchild:\n  base: parent\n", "child");
        var error = Only(result, "DistributionBaseInvalid");
        Assert.Contains("base 'parent' is invalid", error.Exception.Message);
    }

    [Theory]
    [InlineData("mine:\n  buildtags: lambdacomponents.custom\n", "'buildtags'", "must be a list")]
    [InlineData("mine:\n  description: [a, b]\n", "'description'", "must be a single value")]
    [InlineData("mine:\n  base: {name: x}\n", "'base'", "must be a single value")]
    [InlineData("mine:\n  buildtags:\n    - [nested]\n", "build tag", "must be text")]
    public void Wrong_value_types_are_reported_with_their_position(string yaml, string subject, string expected)
    {
        var error = Only(Get(yaml), "DistributionInvalidValueType");
        Assert.Contains(subject, error.Exception.Message);
        Assert.Contains(expected, error.Exception.Message);
        Assert.Matches(@"distributions\.yaml:[23]:\d+", error.Exception.Message);
    }

    [Theory]
    [InlineData("Lambdacomponents.Custom")]
    [InlineData("lambdacomponents..custom")]
    [InlineData("lambdacomponents.custom,lambdacomponents.all")]
    [InlineData("'lambda components'")]
    [InlineData("lambdacomponents.custom.")]
    public void Build_tags_must_be_dotted_lowercase_identifiers(string tag)
    {
        var error = Only(Get($"mine:\n  buildtags:\n    - {tag}\n"), "DistributionInvalidBuildTag");
        Assert.Contains("distributions.yaml:3:7", error.Exception.Message);
        Assert.Contains("dotted lowercase identifier", error.Exception.Message);
    }

    [Fact]
    public void A_config_file_that_does_not_exist_is_reported()
    {
        _config.Write("collector-configs/forwarder.yaml", "receivers: {}\n");
        var error = Only(Get("mine:\n  config-file: forwardr.yaml\n"), "DistributionConfigFileNotFound");
        Assert.Contains("forwardr.yaml", error.Exception.Message);
        Assert.Contains("Did you mean 'forwarder.yaml'", error.Exception.Message);
    }

    [Theory]
    [InlineData("../distributions.yaml")]
    [InlineData("/etc/passwd")]
    [InlineData("sub/../../distributions.yaml")]
    public void A_config_file_outside_the_collector_configs_folder_is_refused(string path)
    {
        var error = Only(Get($"mine:\n  config-file: {path}\n"), "DistributionConfigFileOutsideFolder");
        Assert.Contains("outside", error.Exception.Message);
    }

    [Fact]
    public void A_config_file_is_inherited_from_the_base_unless_the_distribution_sets_its_own()
    {
        var forwarder = _config.Write("collector-configs/forwarder.yaml", "receivers: {}\n");
        var other = _config.Write("collector-configs/other.yaml", "receivers: {}\n");
        var result = Get("parent:\n  config-file: forwarder.yaml\nchild:\n  base: parent\nown:\n  base: child\n  config-file: other.yaml\nplain: {}\n").AssertSucceeded();
        var configFiles = result.Output.ToDictionary(o => o.Get<string>("Name"), o => o.Value("ConfigFile") as string);
        Assert.Equal(forwarder, configFiles["parent"]);
        Assert.Equal(forwarder, configFiles["child"]);
        Assert.Equal(other, configFiles["own"]);
        Assert.Null(configFiles["plain"]);
    }

    [Fact]
    public void Tags_resolve_to_the_sorted_unique_union_along_a_deep_base_chain()
    {
        var result = Get("a:\n  buildtags: [z, m]\nb:\n  base: a\n  buildtags: [m, c]\nc:\n  base: b\n  buildtags: [a]\nd:\n  base: ''\n  buildtags: [b, a, a]\n").AssertSucceeded();
        var tags = result.Output.ToDictionary(o => o.Get<string>("Name"), o => string.Join(",", o.Get<string[]>("BuildTags")));
        Assert.Equal("a,c,m,z", tags["c"]);
        Assert.Equal("a,b", tags["d"]);
        Assert.Equal(["c", "b", "a"], result.Output.Single(o => o.Get<string>("Name") == "c").Get<string[]>("BaseChain"));
    }

    [Fact]
    public void An_invalid_component_dependencies_file_is_a_terminating_error_with_its_position()
    {
        _config.Write("component_dependencies.yaml", "dependencies:\n  lambdacomponents.exporter.x:\n    - 'not a module path'\n");
        var error = Only(Get("mine: {}\n"), "ComponentDependenciesInvalid");
        Assert.Contains("component_dependencies.yaml:3:7", error.Exception.Message);
    }

    [Fact]
    public void A_missing_component_dependencies_file_is_a_warning_not_an_error()
    {
        var result = Get("mine: {}\n").AssertSucceeded();
        Assert.Contains(result.Warnings, w => w.Message.Contains("component_dependencies.yaml"));
    }
}
