using System.Management.Automation;
using Ocelot.Engine.Parameters;
using Ocelot.Engine.Publishing;

namespace Ocelot.Commands;

/// <summary>An AWS cmdlet that creates layer versions (publish, copy): who may use them, and where their ARNs are recorded.</summary>
public abstract class OcelotLayerWriteCmdlet : OcelotMetadataCmdlet
{
    /// <summary>Share with every AWS account. Layers are private unless asked.</summary>
    [Parameter]
    public SwitchParameter Public { get; set; }

    /// <summary>Account ids to share with.</summary>
    [Parameter]
    public string[] Principal { get; set; } = [];

    /// <summary>An AWS Organizations id (o-...) whose accounts may use the layer.</summary>
    [Parameter]
    public string? OrganizationId { get; set; }

    /// <summary>Write each version's ARN to the SSM parameter &lt;path&gt;/&lt;distribution&gt;/&lt;arch&gt;/&lt;release group&gt; in its region.</summary>
    [Parameter]
    [ValidatePattern(@"\A(/[a-zA-Z0-9_.-]+)+/?\z")]
    public string? ParameterPath { get; set; }

    /// <summary>Skips the confirmation prompt; -WhatIf and $WhatIfPreference still hold.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>The grants -Public, -Principal and -OrganizationId ask for (checked: a bad account or organization id is an error).</summary>
    private protected IReadOnlyList<SharingGrant> RequestedSharing() => LayerSharing.Requested(Public, Principal, OrganizationId);

    /// <summary>-ParameterPath, checked (null when not given).</summary>
    private protected string? CheckedParameterPath() => ParameterPath is null ? null : LayerParameterStore.ValidatePath(ParameterPath);
}
