using System.Management.Automation;

namespace Ocelot.Hosting;

/// <summary>
/// Which cmdlet parameters an engine failure concerns, by its error id. The engine names what was wrong in its own terms
/// ("the region", "a staging bucket"); the cmdlet layer says which parameter to change, naming only parameters the
/// running cmdlet has.
/// </summary>
internal static class ErrorParameters
{
    private sealed record Concern(string[] Parameters, FailureKind? OnlyFor = null);

    private static readonly Dictionary<string, Concern> ByErrorId = new(StringComparer.Ordinal)
    {
        [ErrorIds.RegionNotResolved] = new(["Region"]),
        [ErrorIds.LayerVersionRegionMissing] = new(["Region"]),
        [ErrorIds.EndpointInvalid] = new(["EndpointUrl"]),
        [ErrorIds.CredentialsInvalid] = new(["AccessKey", "SecretKey"]),
        [ErrorIds.CredentialsNotFound] = new(["ProfileName"]),
        [ErrorIds.AwsProfileNotFound] = new(["ProfileName", "ProfileLocation"], FailureKind.ObjectNotFound),
        [ErrorIds.CopyTargetInvalid] = new(["TargetAccessKey", "TargetSecretKey"]),
        [ErrorIds.LayerTooLargeForDirectUpload] = new(["S3Bucket"]),
        [ErrorIds.S3StagingFailed] = new(["S3Bucket"], FailureKind.InvalidArgument),
        [ErrorIds.LambdaThrottled] = new(["ThrottleLimit"]),
        [ErrorIds.MetadataTableNotFound] = new(["SkipMetadata"]),
        [ErrorIds.MetadataTableSchemaMismatch] = new(["TableName", "MetadataTable", "SkipMetadata"]),
        [ErrorIds.MetadataDeleteFailed] = new(["SkipMetadata"], FailureKind.InvalidArgument),
        [ErrorIds.FunctionUpdateTimedOut] = new(["TimeoutSec"]),
        [ErrorIds.LayerVersionArnInvalid] = new(["LayerVersionArn"]),
        [ErrorIds.LayerNameInvalid] = new(["LayerNameBase", "ReleaseGroup", "LayerNameVersion"]),
        [ErrorIds.LayerZipNotFound] = new(["Path"]),
        [ErrorIds.SharingInvalid] = new(["Principal", "OrganizationId"]),
        [ErrorIds.ParameterWriteFailed] = new(["Distribution", "Architecture"], FailureKind.InvalidData),
        [ErrorIds.BuildOutputInvalid] = new(["OutputDirectory"]),
        [ErrorIds.BuildDiskFull] = new(["OutputDirectory"]),
        [ErrorIds.BuildFolderNotWritable] = new(["OutputDirectory"]),
        [ErrorIds.CollectorConfigInvalid] = new(["SkipConfigCheck"]),
        [ErrorIds.UpstreamRepositoryInvalid] = new(["UpstreamRepo"]),
        [ErrorIds.UpstreamLayoutInvalid] = new(["UpstreamRepo", "UpstreamRef"]),
        [ErrorIds.UpstreamRefInvalid] = new(["UpstreamRef"]),
        [ErrorIds.UpstreamRefNotFound] = new(["UpstreamRef"]),
        [ErrorIds.GoBuildFailed] = new(["Verbose", "KeepWorkingTree"]),
        [ErrorIds.GoModEditFailed] = new(["Verbose", "KeepWorkingTree"]),
        [ErrorIds.GoModTidyFailed] = new(["Verbose", "KeepWorkingTree"]),
        [ErrorIds.ConfigFileNotFound] = new(["ConfigPath"]),
    };

    /// <summary>The parameters of <paramref name="cmdlet"/> the failure concerns, as the user types them (-Region), or none.</summary>
    public static IReadOnlyList<string> Of(OcelotException failure, PSCmdlet cmdlet)
    {
        if (!ByErrorId.TryGetValue(failure.ErrorId, out var concern) || (concern.OnlyFor is { } kind && kind != failure.Kind)) return [];
        var parameters = cmdlet.MyInvocation.MyCommand?.Parameters;
        return concern.Parameters.Where(p => parameters is null || parameters.ContainsKey(p)).Select(p => "-" + p).ToList();
    }

    /// <summary>The text with the parameters named in front ("-Region: ..."), unless it names one of them already.</summary>
    public static string? Named(string? text, IReadOnlyList<string> parameters) =>
        text is null || parameters.Count == 0 || parameters.Any(p => text.Contains(p, StringComparison.Ordinal))
            ? text
            : $"{string.Join(", ", parameters)}: {text}";
}
