using System.Management.Automation;
using Ocelot.Engine.Settings;
using Ocelot.Engine.Distributions;
using Ocelot.Engine.Failures;
using Ocelot.Engine.Operations;
using Ocelot.Engine.Text;

namespace Ocelot.Hosting;

/// <summary>Opens the configuration in effect and matches distribution names (wildcards allowed) against it.</summary>
internal static class DistributionSelection
{
    public static DistributionCatalog Open(PSCmdlet cmdlet, string? configPath, OcelotEnvironment environment) =>
        DistributionCatalog.Open(configPath is null ? null : cmdlet.GetUnresolvedProviderPathFromPSPath(configPath), environment.ConfigPath, ModuleLayout.ModuleRoot);

    /// <summary>
    /// Names in file order, each once. An exact name that is not defined gives a DistributionNotFound error
    /// suggesting close names; a wildcard that matches nothing gives nothing.
    /// </summary>
    public static IEnumerable<string> Match(DistributionCatalog catalog, IEnumerable<string> requestedNames, Action<ErrorRecord> writeError)
    {
        foreach (var requested in requestedNames)
        {
            if (WildcardPattern.ContainsWildcardCharacters(requested))
            {
                var pattern = WildcardPattern.Get(requested, WildcardOptions.IgnoreCase);
                foreach (var name in catalog.Names.Where(n => pattern.IsMatch(n))) yield return name;
                continue;
            }
            var exact = catalog.Names.FirstOrDefault(n => n.Equals(requested, StringComparison.OrdinalIgnoreCase));
            if (exact is not null)
            {
                yield return exact;
                continue;
            }
            writeError(ErrorRecords.Create(
                new ItemNotFoundException($"Distribution '{requested}' is not defined in '{catalog.Location.DistributionsFile}'.{ClosestMatch.Hint(requested, catalog.Names)}"),
                ErrorIds.DistributionNotFound, FailureKind.ObjectNotFound, requested,
                $"Run Get-OcelotDistribution to list the distributions: {string.Join(", ", catalog.Names)}."));
        }
    }

    /// <summary>The resolved distribution, or null after writing its definition problems as errors.</summary>
    public static ResolvedDistribution? Resolve(DistributionCatalog catalog, string name, Action<ErrorRecord> writeError)
    {
        var problems = catalog.ProblemsOf(name);
        foreach (var problem in problems) writeError(ErrorRecords.From(problem));
        return problems.Count > 0 ? null : catalog.Resolve(name);
    }
}
