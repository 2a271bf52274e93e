using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

// Usage: ImportBench <manifest> <first command>
// Prints the milliseconds of Import-Module plus the first command, in a fresh runspace of a fresh process.
// Opening the runspace is the same for every module and is left out of the measurement.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: ImportBench <manifest.psd1> <command>");
    return 2;
}
using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
runspace.Open();
using var shell = PowerShell.Create();
shell.Runspace = runspace;
shell.AddScript("param($m, $c) Import-Module $m -ErrorAction Stop; & $c | ForEach-Object { $_ }").AddArgument(args[0]).AddArgument(args[1]);
var watch = Stopwatch.StartNew();
var output = shell.Invoke();
watch.Stop();
if (shell.HadErrors || output.Count == 0)
{
    Console.Error.WriteLine("the command failed: " + string.Join("; ", shell.Streams.Error));
    return 1;
}
Console.WriteLine(watch.Elapsed.TotalMilliseconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture));
return 0;
