using System.Management.Automation;
using Ocelot.Module.Tests.Fixtures;
using Ocelot.Module.Tests.Harness;
using Xunit;

namespace Ocelot.Module.Tests;

/// <summary>ConvertTo-OcelotReport -AppendToStepSummary on a summary that cannot be written: an Ocelot error naming the file, the report still output, the file as it was.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class StepSummaryTests
{
    private const string Report = "[Ocelot.OcelotLayerVersion]@{ LayerName = 'ocel-amd64-minimal-0_158_0-prod'; Version = 3; " +
        "LayerVersionArn = 'arn:aws:lambda:us-east-1:123456789012:layer:ocel-amd64-minimal-0_158_0-prod:3'; " +
        "LayerArn = 'arn:aws:lambda:us-east-1:123456789012:layer:ocel-amd64-minimal-0_158_0-prod'; Region = 'us-east-1'; " +
        "Distribution = 'minimal'; Architecture = 'amd64'; Status = 'Listed' } | ConvertTo-OcelotReport -AppendToStepSummary";

    private static void AssertRefused(string summary, string before)
    {
        using var github = new EnvironmentScope().Set("GITHUB_STEP_SUMMARY", summary);
        var result = ModuleSession.Run(Report);
        Assert.Null(result.Terminating);
        var error = Assert.Single(result.Errors);
        Assert.Equal("StepSummaryWriteFailed,Ocelot.Commands.ConvertToOcelotReportCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.WriteError, error.CategoryInfo.Category);
        Assert.Equal(summary, error.TargetObject);
        Assert.Contains(summary, error.Exception.Message);
        Assert.Contains("OpenTelemetry Lambda Layers Report", (string)Assert.Single(result.Output).BaseObject);
        if (File.Exists(summary)) Assert.Equal(before, File.ReadAllText(summary));
    }

    [Fact]
    public void A_summary_on_a_full_disk_is_an_Ocelot_error_and_is_left_as_it_was()
    {
        using var disk = TmpfsMount.TryMount("64k", out var whyNot) ?? throw new InvalidOperationException(whyNot);
        var summary = Path.Combine(disk.Path, "summary.md");
        // A whole page, so the report needs a new one (tmpfs allocates by page).
        var before = "# Earlier step\n" + new string('x', 4096 - 16) + "\n";
        File.WriteAllText(summary, before);
        disk.Fill();
        AssertRefused(summary, before);
    }

    [Fact]
    public void A_summary_on_a_read_only_disk_is_an_Ocelot_error()
    {
        using var disk = TmpfsMount.TryMount("64k", out var whyNot) ?? throw new InvalidOperationException(whyNot);
        var summary = Path.Combine(disk.Path, "summary.md");
        File.WriteAllText(summary, "# Earlier step\n");
        disk.MakeReadOnly();
        AssertRefused(summary, "# Earlier step\n");
    }

    [Fact]
    public void A_summary_path_that_is_a_folder_or_in_a_missing_folder_is_an_Ocelot_error()
    {
        using var folder = new TempFolder("ocelot-summary-");
        AssertRefused(folder.Path, "");
        AssertRefused(Path.Combine(folder.Path, "missing", "summary.md"), "");
    }
}
