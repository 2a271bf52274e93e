using System.Management.Automation;
using Ocelot.Hosting;

namespace Ocelot.Commands;

/// <summary>What an engine failure does to the command: stop it (bad arguments, nothing done), or skip one item and carry on.</summary>
internal enum OnFailure
{
    Stop,
    WriteError,
}
