using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using Ocelot.Engine.Distributions;
using Ocelot.Hosting;

namespace Ocelot.Completion;

/// <summary>Completes distribution names from the configuration in effect (-ConfigPath, then $env:OCELOT_CONFIG_PATH, then the module's).</summary>
public sealed class DistributionNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        IReadOnlyList<string> names;
        try
        {
            names = ReadNames(fakeBoundParameters["ConfigPath"] as string);
        }
        catch (Exception)
        {
            // Completion must never fail loudly: a broken config is reported when the command runs.
            return [];
        }
        var pattern = WildcardPattern.Get(wordToComplete.Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
        return names.Where(n => pattern.IsMatch(n))
            .Select(n => new CompletionResult(n.Contains(' ') ? $"'{n}'" : n, n, CompletionResultType.ParameterValue, n))
            .ToList();
    }

    private static IReadOnlyList<string> ReadNames(string? configPath) =>
        DistributionCatalog.Open(configPath, Engine.Settings.OcelotEnvironment.Current().ConfigPath, ModuleLayout.ModuleRoot).Names;
}
