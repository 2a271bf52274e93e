using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using Ocelot.Engine.Completion;

namespace Ocelot.Completion;

/// <summary>Completes profile names from the shared config and credentials files in effect (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE, -ProfileLocation).</summary>
public sealed class ProfileNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var profileLocation = fakeBoundParameters.Contains("ProfileLocation") ? fakeBoundParameters["ProfileLocation"] as string : null;
        var names = AwsProfileNames.Read(
            AwsProfileNames.ConfigFile(Environment.GetEnvironmentVariable),
            AwsProfileNames.CredentialsFile(Environment.GetEnvironmentVariable, profileLocation));
        return CompletionResults.For(names, wordToComplete);
    }
}
