namespace Ocelot.Hosting;

/// <summary>Where each cmdlet's help page lives online: the docs/cmdlets page on the manifest's ProjectUri.</summary>
internal static class HelpLinks
{
    // The build checks these against Ocelot.psd1's ProjectUri (tools/Write-OcelotHelp.ps1).
    public const string CmdletDocs = "https://github.com/ocelot-pwsh/Ocelot/blob/main/docs/cmdlets/";
}
