using System.Management.Automation;
using System.Management.Automation.Language;

namespace Ocelot.Completion;

/// <summary>Turns candidate values into completion results for a partly typed word (prefix match, any case).</summary>
internal static class CompletionResults
{
    public static List<CompletionResult> For(IEnumerable<string> values, string wordToComplete, Func<string, string>? tooltip = null)
    {
        var typed = wordToComplete.Trim('\'', '"');
        var pattern = WildcardPattern.Get(WildcardPattern.Escape(typed) + "*", WildcardOptions.IgnoreCase);
        return values.Where(v => pattern.IsMatch(v))
            .Select(v => new CompletionResult(Quote(v), v, CompletionResultType.ParameterValue, tooltip?.Invoke(v) ?? v))
            .ToList();
    }

    // Values from files (profile names, tags) may hold spaces or quotes: single-quote them so the line still parses.
    private static string Quote(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or '@' or '+')
            ? value
            : "'" + CodeGeneration.EscapeSingleQuotedStringContent(value) + "'";
}
