namespace Ocelot;

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

    // Collector configs (Test-OcelotCollectorConfig and the build's config check)
    public const string CollectorConfigNotFound = nameof(CollectorConfigNotFound);
    public const string CollectorConfigYamlSyntax = nameof(CollectorConfigYamlSyntax);
    public const string CollectorConfigNotAMapping = nameof(CollectorConfigNotAMapping);
    public const string CollectorConfigUnknownSection = nameof(CollectorConfigUnknownSection);
    public const string CollectorConfigSectionInvalid = nameof(CollectorConfigSectionInvalid);
    public const string CollectorConfigComponentIdInvalid = nameof(CollectorConfigComponentIdInvalid);
    public const string CollectorConfigComponentNotInLayer = nameof(CollectorConfigComponentNotInLayer);
    public const string CollectorConfigNoPipelines = nameof(CollectorConfigNoPipelines);
    public const string CollectorConfigPipelineIdInvalid = nameof(CollectorConfigPipelineIdInvalid);
    public const string CollectorConfigPipelineIncomplete = nameof(CollectorConfigPipelineIncomplete);
    public const string CollectorConfigComponentUndefined = nameof(CollectorConfigComponentUndefined);
    public const string CollectorConfigSignalUnsupported = nameof(CollectorConfigSignalUnsupported);
    public const string CollectorConfigConnectorUnpaired = nameof(CollectorConfigConnectorUnpaired);
    public const string CollectorConfigExtensionUndefined = nameof(CollectorConfigExtensionUndefined);
    public const string CollectorConfigComponentUnused = nameof(CollectorConfigComponentUnused);
    public const string CollectorConfigProviderUnknown = nameof(CollectorConfigProviderUnknown);
    public const string CollectorConfigEnvWithoutDefault = nameof(CollectorConfigEnvWithoutDefault);
    public const string CollectorConfigInvalid = nameof(CollectorConfigInvalid);
    public const string CollectorConfigTargetMissing = nameof(CollectorConfigTargetMissing);
    // Function layer rollout, layer usage, copies and SSM parameters (issue 13)
    public const string LayerVersionArnInvalid = nameof(LayerVersionArnInvalid);
    public const string FunctionListFailed = nameof(FunctionListFailed);
    public const string FunctionNotFound = nameof(FunctionNotFound);
    public const string FunctionSelectionRequired = nameof(FunctionSelectionRequired);
    public const string LayerArchitectureMismatch = nameof(LayerArchitectureMismatch);
    public const string FunctionLayerLimitExceeded = nameof(FunctionLayerLimitExceeded);
    public const string FunctionTargetConflict = nameof(FunctionTargetConflict);
    public const string FunctionUpdateFailed = nameof(FunctionUpdateFailed);
    public const string FunctionUpdateTimedOut = nameof(FunctionUpdateTimedOut);
    public const string LayerUsageCheckFailed = nameof(LayerUsageCheckFailed);
    public const string CopyTargetInvalid = nameof(CopyTargetInvalid);
    public const string LayerDownloadFailed = nameof(LayerDownloadFailed);
    public const string LayerChecksumMismatch = nameof(LayerChecksumMismatch);
    public const string LayerCopyFailed = nameof(LayerCopyFailed);
    public const string ParameterPathInvalid = nameof(ParameterPathInvalid);
    public const string ParameterWriteFailed = nameof(ParameterWriteFailed);
    // Hardening, AWS side (issue 8): zip inspection, version identity, exactly-once publishing, untrusted AWS data
    public const string LayerZipInvalid = nameof(LayerZipInvalid);
    public const string LayerZipTooLargeUnzipped = nameof(LayerZipTooLargeUnzipped);
    public const string LayerVersionIdentityMismatch = nameof(LayerVersionIdentityMismatch);
    public const string LayerVersionRegionMissing = nameof(LayerVersionRegionMissing);
    public const string LayerPublishOutcomeUnknown = nameof(LayerPublishOutcomeUnknown);
    public const string MetadataItemMalformed = nameof(MetadataItemMalformed);
    public const string LayerPatternInvalid = nameof(LayerPatternInvalid);
    public const string StepSummaryWriteFailed = nameof(StepSummaryWriteFailed);
    // AWS conventions: credentials, confirmation, round-tripped input (issue 9)
    public const string AwsProfileNotFound = nameof(AwsProfileNotFound);
    public const string CredentialsInvalid = nameof(CredentialsInvalid);
    public const string InputObjectInvalid = nameof(InputObjectInvalid);
    // Hardening of the build side (issue 8)
    public const string UpstreamTreeUnsafe = nameof(UpstreamTreeUnsafe);
    public const string LayerInputOutsideFolder = nameof(LayerInputOutsideFolder);
    public const string BuildDiskFull = nameof(BuildDiskFull);
    public const string BuildFolderNotWritable = nameof(BuildFolderNotWritable);
    public const string ConfigNestingTooDeep = nameof(ConfigNestingTooDeep);
    public const string ConfigMultipleDocuments = nameof(ConfigMultipleDocuments);
    public const string CacheEntryDamaged = nameof(CacheEntryDamaged);
}
