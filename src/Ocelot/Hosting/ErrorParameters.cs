using System.Management.Automation;

namespace Ocelot.Hosting;

/// <summary>
/// Which cmdlet parameters an engine failure concerns, by its error id. The engine names what was wrong in its own terms
/// ("the region", "a staging bucket"); the cmdlet layer says which parameter to change, naming only parameters the
/// running cmdlet has: the input that was wrong in front of the message and the action ("-Region: ..."), a parameter that
/// would help at the end of the action ("... (-S3Bucket).").
/// </summary>
internal static class ErrorParameters
{
    private sealed record Concern(string[] Inputs, string[] Remedies, FailureKind? OnlyFor = null);

    private static Concern Input(params string[] parameters) => new(parameters, []);
    private static Concern Remedy(params string[] parameters) => new([], parameters);

    private static readonly Dictionary<string, Concern> ByErrorId = new(StringComparer.Ordinal)
    {
        [ErrorIds.RegionNotResolved] = Input("Region"),
        [ErrorIds.LayerVersionRegionMissing] = Input("Region"),
        [ErrorIds.EndpointInvalid] = Input("EndpointUrl"),
        [ErrorIds.CredentialsInvalid] = Input("AccessKey", "SecretKey"),
        [ErrorIds.CredentialsNotFound] = Remedy("ProfileName"),
        [ErrorIds.AwsProfileNotFound] = Input("ProfileName", "ProfileLocation") with { OnlyFor = FailureKind.ObjectNotFound },
        [ErrorIds.CopyTargetInvalid] = Input("TargetAccessKey", "TargetSecretKey"),
        [ErrorIds.LayerTooLargeForDirectUpload] = Remedy("S3Bucket"),
        [ErrorIds.S3StagingFailed] = Input("S3Bucket") with { OnlyFor = FailureKind.InvalidArgument },
        [ErrorIds.LambdaThrottled] = Remedy("ThrottleLimit"),
        [ErrorIds.MetadataTableNotFound] = Remedy("SkipMetadata"),
        [ErrorIds.MetadataTableSchemaMismatch] = new(["TableName", "MetadataTable"], ["SkipMetadata"]),
        [ErrorIds.MetadataDeleteFailed] = Input("SkipMetadata") with { OnlyFor = FailureKind.InvalidArgument },
        [ErrorIds.FunctionUpdateTimedOut] = Remedy("TimeoutSec"),
        [ErrorIds.LayerVersionArnInvalid] = Input("LayerVersionArn"),
        [ErrorIds.LayerNameInvalid] = Input("LayerNameBase", "ReleaseGroup", "LayerNameVersion"),
        [ErrorIds.LayerZipNotFound] = Input("Path"),
        [ErrorIds.SharingInvalid] = Input("Principal", "OrganizationId"),
        [ErrorIds.ParameterWriteFailed] = Remedy("Distribution", "Architecture") with { OnlyFor = FailureKind.InvalidData },
        [ErrorIds.BuildOutputInvalid] = Input("OutputDirectory"),
        [ErrorIds.BuildDiskFull] = Remedy("OutputDirectory"),
        [ErrorIds.BuildFolderNotWritable] = Remedy("OutputDirectory"),
        [ErrorIds.CollectorConfigInvalid] = Remedy("SkipConfigCheck"),
        [ErrorIds.UpstreamRepositoryInvalid] = Input("UpstreamRepo"),
        [ErrorIds.UpstreamLayoutInvalid] = Input("UpstreamRepo", "UpstreamRef"),
        [ErrorIds.UpstreamRefInvalid] = Input("UpstreamRef"),
        [ErrorIds.UpstreamRefNotFound] = Input("UpstreamRef"),
        [ErrorIds.GoBuildFailed] = Remedy("Verbose", "KeepWorkingTree"),
        [ErrorIds.GoModEditFailed] = Remedy("Verbose", "KeepWorkingTree"),
        [ErrorIds.GoModTidyFailed] = Remedy("Verbose", "KeepWorkingTree"),
        [ErrorIds.ConfigFileNotFound] = Remedy("ConfigPath"),
    };

    /// <summary>The record with the parameters named in its ErrorDetails, or unchanged when the failure concerns none of the cmdlet's.</summary>
    public static ErrorRecord Name(ErrorRecord record, OcelotException failure, PSCmdlet cmdlet)
    {
        if (!ByErrorId.TryGetValue(failure.ErrorId, out var concern) || (concern.OnlyFor is { } kind && kind != failure.Kind)) return record;
        var parameters = cmdlet.MyInvocation.MyCommand?.Parameters;
        IReadOnlyList<string> Present(string[] names) => names.Where(p => parameters is null || parameters.ContainsKey(p)).Select(p => "-" + p).ToList();
        var inputs = Present(concern.Inputs);
        var remedies = Present(concern.Remedies);
        if (inputs.Count + remedies.Count == 0) return record;
        var action = InFront(failure.RecommendedAction, inputs);
        if (action is not null && remedies.Count > 0 && !Names(action, remedies))
            action = $"{action.TrimEnd('.')} ({string.Join(", ", remedies)}).";
        record.ErrorDetails = new ErrorDetails(InFront(failure.Message, inputs)) { RecommendedAction = action };
        return record;
    }

    private static string? InFront(string? text, IReadOnlyList<string> parameters) =>
        text is null || parameters.Count == 0 || Names(text, parameters) ? text : $"{string.Join(", ", parameters)}: {text}";

    private static bool Names(string text, IReadOnlyList<string> parameters) => parameters.Any(p => text.Contains(p, StringComparison.Ordinal));
}
