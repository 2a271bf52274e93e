namespace Ocelot.Engine.Failures;

/// <summary>The catalogue of stable error ids. Never rename one: scripts match on them.</summary>
public static class ErrorIds
{
    // Configuration files
    public const string ConfigFileNotFound = nameof(ConfigFileNotFound);
    public const string ConfigFileUnreadable = nameof(ConfigFileUnreadable);
    public const string ConfigYamlSyntax = nameof(ConfigYamlSyntax);
    public const string ConfigNotAMapping = nameof(ConfigNotAMapping);
    public const string ComponentDependenciesInvalid = nameof(ComponentDependenciesInvalid);

    // One distribution's definition
    public const string DistributionNotFound = nameof(DistributionNotFound);
    public const string DistributionNameInvalid = nameof(DistributionNameInvalid);
    public const string DistributionNotAMapping = nameof(DistributionNotAMapping);
    public const string DistributionUnknownKey = nameof(DistributionUnknownKey);
    public const string DistributionInvalidValueType = nameof(DistributionInvalidValueType);
    public const string DistributionInvalidBuildTag = nameof(DistributionInvalidBuildTag);
    public const string DistributionBaseNotFound = nameof(DistributionBaseNotFound);
    public const string DistributionBaseCycle = nameof(DistributionBaseCycle);
    public const string DistributionBaseInvalid = nameof(DistributionBaseInvalid);
    public const string DistributionConfigFileNotFound = nameof(DistributionConfigFileNotFound);
    public const string DistributionConfigFileOutsideFolder = nameof(DistributionConfigFileOutsideFolder);

    // Overlay components
    public const string OverlayConstraintInvalid = nameof(OverlayConstraintInvalid);
}
