using System.Management.Automation;

namespace Ocelot.Hosting;

/// <summary>
/// -Force as in AWS Tools for PowerShell: it skips the confirmation prompt and nothing else. -WhatIf, and
/// $WhatIfPreference when -WhatIf is not given, still only report.
/// </summary>
internal static class Confirmation
{
    public static bool ShouldProceed(PSCmdlet cmdlet, bool force, string target, string action)
    {
        if (WhatIfInEffect(cmdlet) || !force) return cmdlet.ShouldProcess(target, action);
        cmdlet.WriteVerbose($"Performing the operation \"{action}\" on target \"{target}\" (-Force: not confirmed).");
        return true;
    }

    /// <summary>-WhatIf as given, else $WhatIfPreference.</summary>
    public static bool WhatIfInEffect(PSCmdlet cmdlet) =>
        cmdlet.MyInvocation.BoundParameters.TryGetValue("WhatIf", out var bound)
            ? LanguagePrimitives.IsTrue(bound)
            : LanguagePrimitives.IsTrue(cmdlet.GetVariableValue("WhatIfPreference"));
}
