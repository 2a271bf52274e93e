using System.Collections;
using System.Management.Automation;
using Ocelot.Engine.Aws;
using Ocelot.Engine.Rollout;
using Ocelot.Hosting;

namespace Ocelot.Commands;

/// <summary>
/// <para type="synopsis">Rolls a layer version out to Lambda functions, replacing the version of the same layer they use.</para>
/// </summary>
[Cmdlet(VerbsData.Update, "OcelotFunctionLayer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = HelpLinks.CmdletDocs + "Update-OcelotFunctionLayer.md")]
[OutputType(typeof(OcelotFunctionLayerUpdate))]
public sealed class UpdateOcelotFunctionLayerCommand : OcelotAwsCmdlet
{
    /// <summary>The layer version to roll out, one per region (bindable by property name from Get-OcelotLayer and Publish-OcelotLayer;
    /// from this cmdlet's own output it binds PreviousLayerVersionArn, which rolls back).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("PreviousLayerVersionArn")]
    public string[] LayerVersionArn { get; set; } = [];

    /// <summary>Names or wildcards of the functions to update in each layer version's region (default: every function that uses the layer).</summary>
    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] FunctionName { get; set; } = ["*"];

    /// <summary>Only functions carrying all these tags (key = exact value).</summary>
    [Parameter]
    public Hashtable? Tag { get; set; }

    /// <summary>Also add the version to chosen functions that use no version of the layer (needs -FunctionName or -Tag).</summary>
    [Parameter]
    public SwitchParameter Add { get; set; }

    /// <summary>Also replace layers whose names match these wildcards, e.g. the layer of an older collector release.</summary>
    [Parameter]
    [SupportsWildcards]
    public string[]? ReplaceLayerName { get; set; }

    /// <summary>Functions updated at once, over all regions (each region is also paced under Lambda's request rate).</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 10;

    /// <summary>Seconds to wait for each function's update to finish.</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int TimeoutSec { get; set; } = 300;

    /// <summary>Skips the confirmation prompt (-WhatIf still only reports).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    private readonly List<RolloutTarget> _targets = [];

    protected override void ProcessRecord()
    {
        if (Add && !MyInvocation.BoundParameters.ContainsKey(nameof(FunctionName)) && Tag is not { Count: > 0 })
            Fail(new OcelotException(ErrorIds.FunctionSelectionRequired, FailureKind.InvalidArgument, "-Add needs -FunctionName or -Tag: it would add the layer to every function.",
                "Name the functions (wildcards allowed) or give -Tag.", "Add"), OnFailure.Stop);
        var names = FunctionName.Select(n => WildcardPattern.Get(n, WildcardOptions.IgnoreCase)).ToList();
        var literals = FunctionName.Where(n => !WildcardPattern.ContainsWildcardCharacters(n)).ToList();
        foreach (var arn in LayerVersionArn)
            if (Try(() => Engine.Layers.LayerVersionArn.Parse(arn), OnFailure.Stop, out var version))
                _targets.Add(new RolloutTarget(version, name => names.Any(p => p.IsMatch(name)), literals));
    }

    protected override void EndProcessing()
    {
        if (_targets.Count == 0) return;
        var rollout = new FunctionLayerRollout(Options());
        Run((pump, token) => rollout.PlanAsync(_targets, pump, token), OnFailure.Stop, out var plan);
        WriteFailures(plan.Failures);
        foreach (var same in plan.Unchanged) WriteObject(same.Update);
        var approved = plan.Changes.Where(c => ShouldChange($"{c.FunctionArn}", c.Describe(), Force)).ToList();
        if (approved.Count == 0)
        {
            if (plan.Changes.Count == 0 && plan.Unchanged.Count == 0 && plan.Failures.Count == 0) WriteWarning("No function matched: nothing to update.");
            return;
        }
        Run((pump, token) => rollout.ApplyAsync(approved, pump, token), OnFailure.Stop, out var results);
        foreach (var result in results)
        {
            if (result.Failure is not null) Fail(result.Failure, OnFailure.WriteError);
            else WriteObject(result.Update);
        }
    }

    private RolloutOptions Options()
    {
        var replace = ReplaceLayerName?.Select(n => WildcardPattern.Get(n, WildcardOptions.IgnoreCase)).ToList();
        return new RolloutOptions
        {
            Connection = Connection,
            Tags = (Tag ?? []).Cast<DictionaryEntry>().ToDictionary(e => e.Key.ToString()!, e => e.Value?.ToString() ?? string.Empty, StringComparer.Ordinal),
            Add = Add,
            AlsoReplace = replace is null ? null : name => replace.Any(p => p.IsMatch(name)),
            ThrottleLimit = ThrottleLimit,
            Timeout = TimeSpan.FromSeconds(TimeoutSec),
        };
    }
}
