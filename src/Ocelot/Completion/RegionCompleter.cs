using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using Ocelot.Engine.Aws;

namespace Ocelot.Completion;

/// <summary>Completes AWS region names from the SDK's region data, with their display names as tooltips.</summary>
public sealed class RegionCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var pattern = WildcardPattern.Get(wordToComplete.Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
        return AwsRegion.Known.Where(r => pattern.IsMatch(r))
            .Select(r => new CompletionResult(r, r, CompletionResultType.ParameterValue, AwsRegion.DisplayName(r)))
            .ToList();
    }
}
