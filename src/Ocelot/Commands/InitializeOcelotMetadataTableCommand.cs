using System.Management.Automation;
using Ocelot.Engine.Aws.Metadata;
using Ocelot.Engine.Failures;
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
        string region;
        try
        {
            region = Connection.ResolveRegions(Region is null ? null : [Region])[0];
        }
        catch (OcelotException ex)
        {
            ThrowTerminatingError(ErrorRecords.From(ex));
            return;
        }
        if (!Confirmation.ShouldProceed(this, Force, $"DynamoDB table '{TableName}' in {region}", "Create if missing (key layer_arn, indexes distribution-index and base-layer-index, on demand)"))
            return;
        var connection = Connection;
        TableState state = default;
        var pump = new PipelinePump(this);
        try
        {
            pump.Run(async token => state = await MetadataTableSetup.EnsureAsync(TableName, region, connection, token).ConfigureAwait(false), Cancellation);
        }
        catch (OcelotException ex)
        {
            ThrowTerminatingError(ErrorRecords.From(ex));
        }
        WriteObject(new OcelotMetadataTable { TableName = TableName, Region = region, Status = state.ToString() });
    }

}
