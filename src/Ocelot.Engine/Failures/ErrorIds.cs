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

    // Upstream source
    public const string UpstreamRepositoryInvalid = nameof(UpstreamRepositoryInvalid);
    public const string UpstreamRefInvalid = nameof(UpstreamRefInvalid);
    public const string UpstreamFetchFailed = nameof(UpstreamFetchFailed);
    public const string UpstreamRefNotFound = nameof(UpstreamRefNotFound);
    public const string UpstreamLayoutInvalid = nameof(UpstreamLayoutInvalid);
    public const string UpstreamVersionNotFound = nameof(UpstreamVersionNotFound);

    // Go toolchain
    public const string GoToolchainNotFound = nameof(GoToolchainNotFound);
    public const string GoToolchainTooOld = nameof(GoToolchainTooOld);
    public const string GoModEditFailed = nameof(GoModEditFailed);
    public const string GoModTidyFailed = nameof(GoModTidyFailed);
    public const string GoBuildFailed = nameof(GoBuildFailed);

    // Build, packaging and cache
    public const string BuildOutputInvalid = nameof(BuildOutputInvalid);
    public const string PackageWriteFailed = nameof(PackageWriteFailed);
    public const string CacheLockTimeout = nameof(CacheLockTimeout);
    public const string InjectedFault = nameof(InjectedFault);
    public const string BuildCancelled = nameof(BuildCancelled);

    // AWS, publishing and metadata
    public const string RegionInvalid = nameof(RegionInvalid);
    public const string RegionNotResolved = nameof(RegionNotResolved);
    public const string EndpointInvalid = nameof(EndpointInvalid);
    public const string MetadataTableFailed = nameof(MetadataTableFailed);
    public const string CredentialsNotFound = nameof(CredentialsNotFound);
    public const string LayerNameInvalid = nameof(LayerNameInvalid);
    public const string LayerZipNotFound = nameof(LayerZipNotFound);
    public const string LayerTooLargeForDirectUpload = nameof(LayerTooLargeForDirectUpload);
    public const string SharingInvalid = nameof(SharingInvalid);
    public const string ExistingVersionCheckFailed = nameof(ExistingVersionCheckFailed);
    public const string LayerPublishFailed = nameof(LayerPublishFailed);
    public const string LayerSharingFailed = nameof(LayerSharingFailed);
    public const string S3StagingFailed = nameof(S3StagingFailed);
    public const string MetadataTableNotFound = nameof(MetadataTableNotFound);
    public const string MetadataWriteFailed = nameof(MetadataWriteFailed);
    public const string MetadataTableSchemaMismatch = nameof(MetadataTableSchemaMismatch);
    public const string LambdaAccessDenied = nameof(LambdaAccessDenied);
    public const string LambdaThrottled = nameof(LambdaThrottled);
    public const string LayerVersionNotFound = nameof(LayerVersionNotFound);
    public const string LayerDeleteFailed = nameof(LayerDeleteFailed);
    public const string LayerListFailed = nameof(LayerListFailed);
    public const string MetadataDeleteFailed = nameof(MetadataDeleteFailed);
    public const string ReportInputInvalid = nameof(ReportInputInvalid);
    public const string StepSummaryNotSet = nameof(StepSummaryNotSet);

    // Hardening of the build side (issue 8)
    public const string UpstreamTreeUnsafe = nameof(UpstreamTreeUnsafe);
    public const string LayerInputOutsideFolder = nameof(LayerInputOutsideFolder);
    public const string BuildDiskFull = nameof(BuildDiskFull);
    public const string BuildFolderNotWritable = nameof(BuildFolderNotWritable);
    public const string ConfigNestingTooDeep = nameof(ConfigNestingTooDeep);
    public const string ConfigMultipleDocuments = nameof(ConfigMultipleDocuments);
    public const string CacheEntryDamaged = nameof(CacheEntryDamaged);
}
