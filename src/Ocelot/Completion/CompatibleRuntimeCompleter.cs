using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using Ocelot.Engine.Completion;

namespace Ocelot.Completion;

/// <summary>Completes Lambda runtime identifiers (nodejs22.x, python3.13, provided.al2023, ...).</summary>
public sealed class CompatibleRuntimeCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionResults.For(LambdaRuntimes.Known, wordToComplete);
}
