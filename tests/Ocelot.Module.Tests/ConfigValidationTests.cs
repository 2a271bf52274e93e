using System.Management.Automation;
using Ocelot.Module.Tests.Harness;
using Xunit;

namespace Ocelot.Module.Tests;

/// <summary>
/// Family 7 of issue 8: configuration files are input from strangers. Hostile nesting, extra YAML documents and
/// module specs go would refuse are each one clear error, never a crash or a silent drop.
/// </summary>
public sealed class ConfigValidationTests : IDisposable
{
    private const string Valid = "minimal:\n  buildtags: [lambdacomponents.custom]\n";
    private readonly TempFolder _config = new();

    public void Dispose() => _config.Dispose();

    private ErrorRecord OnlyError(string distributions, string? dependencies = null)
    {
        _config.Write("distributions.yaml", distributions);
        if (dependencies is not null) _config.Write("component_dependencies.yaml", dependencies);
        var result = ModuleSession.Run("Get-OcelotDistribution -ConfigPath $cfg", new Dictionary<string, object?> { ["cfg"] = _config.Path });
        var error = Assert.Single(result.AllErrors);
        Assert.DoesNotContain("   at ", error.Exception.Message);
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        return error;
    }

    public static TheoryData<string> DeepDocuments => new()
    {
        new string('[', 100_000) + new string(']', 100_000),
        new string('{', 50_000) + "a: b" + new string('}', 50_000),
        string.Concat(Enumerable.Range(0, 5_000).Select(i => new string(' ', i) + "k:\n")),
        string.Concat(Enumerable.Range(0, 5_000).Select(i => new string(' ', i) + "- \n")).Replace("- \n", "-\n"),
        "minimal:\n  buildtags: " + new string('[', 70) + new string(']', 70) + "\n",
    };

    [Theory]
    [MemberData(nameof(DeepDocuments))]
    public void Hostile_nesting_is_one_error_with_its_position_not_a_crash(string yaml)
    {
        var error = OnlyError(yaml);
        Assert.StartsWith("ConfigNestingTooDeep,", error.FullyQualifiedErrorId);
        Assert.Matches(@"distributions\.yaml:\d+:\d+", error.Exception.Message);
    }

    [Fact]
    public void Hostile_nesting_in_component_dependencies_is_the_same_error()
    {
        var error = OnlyError(Valid, "dependencies:\n  lambdacomponents.exporter.x: " + new string('[', 10_000) + new string(']', 10_000) + "\n");
        Assert.StartsWith("ConfigNestingTooDeep,", error.FullyQualifiedErrorId);
        Assert.Contains("component_dependencies.yaml", error.Exception.Message);
    }

    [Theory]
    [InlineData(Valid + "---\nother:\n  buildtags: [lambdacomponents.custom]\n", 4)]
    [InlineData("---\n" + Valid + "...\n---\n" + Valid, 6)]
    [InlineData(Valid + "--- \n{}\n", 4)]
    public void A_second_YAML_document_is_an_error_not_a_silent_drop(string yaml, int line)
    {
        var error = OnlyError(yaml);
        Assert.StartsWith("ConfigMultipleDocuments,", error.FullyQualifiedErrorId);
        Assert.Contains($"line {line}", error.ErrorDetails.RecommendedAction);
    }

    [Theory]
    // Found by bench/fuzz.sh config: a flow sequence aliasing itself, used as a mapping key (a stack overflow in YamlDotNet).
    [InlineData("X: [., {y:,&z [*z]}]\n--\u001d\nq: 1\n")]
    [InlineData("a: &loop\n  - *loop\n")]
    [InlineData("a: &m {k: *m}\n")]
    [InlineData("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\nl1: &l1 [*l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0]\nl2: &l2 [*l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1]\n? [*l2, *l2, *l2, *l2, *l2, *l2, *l2]\n: x\n")]
    public void Aliases_of_lists_or_mappings_are_refused_before_they_can_loop_or_explode(string yaml)
    {
        _config.Write("distributions.yaml", yaml);
        var result = ModuleSession.Run("Get-OcelotDistribution -ConfigPath $cfg", new Dictionary<string, object?> { ["cfg"] = _config.Path });
        var error = Assert.Single(result.AllErrors);
        Assert.StartsWith("ConfigYamlSyntax,", error.FullyQualifiedErrorId);
        Assert.Contains("aliases of single values only", error.Exception.Message);
    }

    [Fact]
    public void Aliases_of_single_values_still_work()
    {
        _config.Write("distributions.yaml", "one:\n  description: &d Shared words\n  buildtags: [lambdacomponents.custom]\ntwo:\n  description: *d\n  buildtags: [lambdacomponents.custom]\n");
        var result = ModuleSession.Run("Get-OcelotDistribution -ConfigPath $cfg", new Dictionary<string, object?> { ["cfg"] = _config.Path }).AssertSucceeded();
        Assert.Equal(["Shared words", "Shared words"], result.Output.Select(o => o.Get<string>("Description")));
    }

    [Fact]
    public void A_second_document_in_component_dependencies_is_an_error_too() =>
        Assert.StartsWith("ConfigMultipleDocuments,", OnlyError(Valid, "dependencies: {}\n---\ndependencies:\n  lambdacomponents.exporter.x: [example.com/x]\n").FullyQualifiedErrorId);

    [Theory]
    [InlineData("github.com/x/y@v1.2", "full semantic version")]
    [InlineData("github.com/x/y@v2.0.0", "must end in /v2")]
    [InlineData("github.com/x/y/v2@v3.0.0", "does not match the major version suffix")]
    [InlineData("github.com/x/y/v1@v1.0.0", "major version suffix")]
    [InlineData("GitHub.com/x/y", "lowercase domain")]
    [InlineData("localhost/x", "no dot")]
    [InlineData("github.com/x/.y", "begins with a dot")]
    [InlineData("github.com/x/y.", "ends with a dot")]
    [InlineData("github.com/x/con", "reserved file name")]
    [InlineData("github.com/x/GIT~1", "short name")]
    [InlineData("github.com/x/y@v1.0.0-01", "leading zero")]
    [InlineData("github.com/x/y@v1.0.0\n", "full semantic version")]
    public void Component_dependency_specs_are_checked_by_go_s_module_rules_up_front(string spec, string why)
    {
        var yamlSpec = spec.Replace("\n", "\\n");
        var error = OnlyError(Valid, $"dependencies:\n  lambdacomponents.exporter.x:\n    - \"{yamlSpec}\"\n");
        Assert.StartsWith("ComponentDependenciesInvalid,", error.FullyQualifiedErrorId);
        Assert.Contains(why, error.Exception.Message);
    }
}
