using Ocelot.Engine.Failures;

namespace Ocelot.Engine.Distributions;

/// <summary>Where Ocelot's configuration comes from, and why that place was chosen.</summary>
public sealed record ConfigLocation(string DistributionsFile, string Origin)
{
    public const string DistributionsFileName = "distributions.yaml";
    public const string DependenciesFileName = "component_dependencies.yaml";
    public const string CollectorConfigsFolderName = "collector-configs";
    public const string EnvironmentVariable = "OCELOT_CONFIG_PATH";

    public string Folder => Path.GetDirectoryName(DistributionsFile)!;
    public string DependenciesFile => Path.Combine(Folder, DependenciesFileName);
    public string CollectorConfigsFolder => Path.Combine(Folder, CollectorConfigsFolderName);

    /// <summary>
    /// Lookup order: an explicit path, then <c>$env:OCELOT_CONFIG_PATH</c>, then the module's own <c>config/</c>.
    /// Each may name the distributions file or the folder that holds it.
    /// </summary>
    public static ConfigLocation Resolve(string? explicitPath, string? environmentValue, string moduleConfigFolder)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath)) return FromPath(explicitPath, "-ConfigPath");
        if (!string.IsNullOrWhiteSpace(environmentValue)) return FromPath(environmentValue, $"${{env:{EnvironmentVariable}}}");
        return FromPath(moduleConfigFolder, "the module's config folder");
    }

    private static ConfigLocation FromPath(string path, string origin)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full)) return new ConfigLocation(Path.Combine(full, DistributionsFileName), origin);
        if (File.Exists(full)) return new ConfigLocation(full, origin);
        throw new OcelotException(ErrorIds.ConfigFileNotFound, FailureKind.ObjectNotFound,
            $"The distributions file '{full}' (from {origin}) does not exist.",
            $"Unset ${EnvironmentVariable} to use the module's own config, or give the path of a distributions.yaml file or of a folder that holds one.",
            full);
    }
}
