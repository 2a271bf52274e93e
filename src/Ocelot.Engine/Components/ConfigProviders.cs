using System.Text.RegularExpressions;

namespace Ocelot.Engine.Components;

/// <summary>
/// The config providers (the schemes of <c>${scheme:...}</c> references) a collector build resolves, read from
/// upstream's Go sources in <c>collector/</c>: every <c>&lt;scheme&gt;provider.NewFactory()</c> call, as in its
/// <c>ProviderFactories</c> list.
/// </summary>
public static partial class ConfigProviders
{
    /// <summary>
    /// opentelemetry-lambda's list (collector/collector.go, checked at v0.158.0), used only before a build, when no
    /// upstream source is at hand; a built artifact carries the list read from its own upstream commit.
    /// </summary>
    public static readonly IReadOnlyList<string> OpentelemetryLambdaDefault = ["env", "file", "http", "https", "s3", "secretsmanager", "yaml"];

    public static IReadOnlyList<string> FromUpstream(string collectorFolder)
    {
        var schemes = new SortedSet<string>(StringComparer.Ordinal);
        if (!Directory.Exists(collectorFolder)) return [];
        foreach (var file in Directory.EnumerateFiles(collectorFolder, "*.go"))
        {
            if (file.EndsWith("_test.go", StringComparison.Ordinal)) continue;
            var info = new FileInfo(file);
            if (info.Length > 4 << 20 || info.LinkTarget is not null) continue;
            foreach (Match match in ProviderFactory().Matches(File.ReadAllText(file))) schemes.Add(match.Groups[1].Value);
        }
        return schemes.ToList();
    }

    [GeneratedRegex(@"\b([a-z][a-z0-9]*)provider\.NewFactory\(\)")]
    private static partial Regex ProviderFactory();
}
