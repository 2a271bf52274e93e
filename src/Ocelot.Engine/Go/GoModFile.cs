using System.Text.RegularExpressions;

namespace Ocelot.Engine.Go;

/// <summary>The parts of a go.mod file Ocelot reads: the go directive and one module's required version.</summary>
public static partial class GoModFile
{
    public const string CollectorModule = "go.opentelemetry.io/collector/otelcol";

    public static GoVersion? GoDirective(string goModText)
    {
        var match = GoDirectivePattern().Match(goModText);
        return match.Success ? GoVersion.TryParse(match.Groups[1].Value) : null;
    }

    /// <summary>
    /// The version required for <paramref name="modulePath"/>, from a one-line <c>require</c> or a require block;
    /// the first match wins, as in upstream's <c>set-otelcol-version</c> target.
    /// </summary>
    public static string? RequiredVersion(string goModText, string modulePath)
    {
        foreach (var rawLine in goModText.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.StartsWith("require ", StringComparison.Ordinal)) line = line["require ".Length..].Trim();
            var parts = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 2 && parts[0] == modulePath && parts[1].StartsWith('v')) return parts[1];
        }
        return null;
    }

    [GeneratedRegex(@"(?m)^go[ \t]+([0-9]+\.[0-9]+(?:\.[0-9]+)?\S*)[ \t]*\r?(?=\n|\z)")]
    private static partial Regex GoDirectivePattern();
}
