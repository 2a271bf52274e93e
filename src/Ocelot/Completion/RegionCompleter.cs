using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using Ocelot.Engine.Aws;
using Ocelot.Engine.Completion;

namespace Ocelot.Completion;

/// <summary>Completes the commercial partition's region names (China and GovCloud when their prefix is typed), with display names as tooltips.</summary>
public sealed class RegionCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionResults.For(RegionChoices.For(wordToComplete.Trim('\'', '"')), wordToComplete, AwsRegion.DisplayName);
}
