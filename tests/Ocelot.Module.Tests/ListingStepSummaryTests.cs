using Ocelot.Module.Tests.Fixtures;
using Ocelot.Module.Tests.Harness;
using Xunit;

namespace Ocelot.Module.Tests;

/// <summary>
/// ConvertTo-OcelotReport -AppendToStepSummary of a live listing on moto_server. GITHUB_STEP_SUMMARY is process
/// environment, so this class runs in the serialized collection.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class ListingStepSummaryTests(LayerListingSeed seed) : IClassFixture<LayerListingSeed>
{
    private const string Get = "Get-OcelotLayer -Region us-east-1, eu-west-1, ap-southeast-2 -MetadataTable $table -MetadataRegion us-east-1";

    [Fact]
    public void A_listing_report_is_appended_to_the_step_summary_with_the_newest_version_per_region()
    {
        var set = seed.Shared;
        var variables = new Dictionary<string, object?> { ["table"] = set.Table, ["id"] = set.Id };
        var summary = Path.Combine(Path.GetTempPath(), $"step-summary-{set.Id}.md");
        File.WriteAllText(summary, "# Earlier step\n");
        using var github = new EnvironmentScope().Set("GITHUB_STEP_SUMMARY", summary);
        var markdown = (string)Assert.Single(seed.Moto.Run($"{Get} -Pattern \"*alpha$id*\" | ConvertTo-OcelotReport -AppendToStepSummary", variables).AssertSucceeded().Output).BaseObject;
        Assert.Equal("# Earlier step\n" + markdown, File.ReadAllText(summary));
        File.Delete(summary);
        Assert.Contains("### dev-alpha Distribution", markdown);
        Assert.Equal(3, markdown.Split('\n').Count(l => l.StartsWith("| ") && l.Contains(":3` | 3 |")));
        Assert.DoesNotContain(":2`", markdown);
    }
}
