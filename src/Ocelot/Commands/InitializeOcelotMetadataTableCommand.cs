using System.Management.Automation;
using Ocelot.Engine.Aws.Metadata;
using Ocelot.Hosting;

namespace Ocelot.Commands;

/// <summary>
/// <para type="synopsis">Creates the DynamoDB table that records published layers (the reference tool's schema), if it does not exist.</para>
/// </summary>
[Cmdlet(VerbsData.Initialize, "OcelotMetadataTable", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.CmdletDocs + "Initialize-OcelotMetadataTable.md")]
[OutputType(typeof(OcelotMetadataTable))]
public sealed class InitializeOcelotMetadataTableCommand : OcelotAwsCmdlet
{
    /// <summary>The table to create (default ocelot-layers).</summary>
    [Parameter(Position = 0)]
    [ValidatePattern(@"\A[a-zA-Z0-9_.-]{3,255}\z")]
    public string TableName { get; set; } = MetadataTableSchema.DefaultTableName;

    /// <summary>Default: AWS_REGION, else AWS_DEFAULT_REGION, else the profile's region.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(Completion.RegionCompleter))]
    public string? Region { get; set; }

    /// <summary>Skips the confirmation prompt; -WhatIf and $WhatIfPreference still hold.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        Try(() => Connection.ResolveRegions(Region is null ? null : [Region])[0], OnFailure.Stop, out var region);
        if (!ShouldChange($"DynamoDB table '{TableName}' in {region}", "Create if missing (key layer_arn, indexes distribution-index and base-layer-index, on demand)", Force))
            return;
        var connection = Connection;
        Run((_, token) => MetadataTableSetup.EnsureAsync(TableName, region, connection, token), OnFailure.Stop, out var state);
        WriteObject(new OcelotMetadataTable { TableName = TableName, Region = region, Status = state.ToString() });
    }
}
