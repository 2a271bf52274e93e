using System.Management.Automation;

namespace EmptyModule;

[Cmdlet(VerbsCommon.Get, "Empty")]
[OutputType(typeof(string))]
public sealed class GetEmptyCommand : PSCmdlet
{
    protected override void ProcessRecord() => WriteObject("empty");
}
