using Amazon.Runtime;
using Ocelot.Engine.Failures;

namespace Ocelot.Engine.Aws;

/// <summary>
/// How to reach AWS: a profile (else the SDK's default credential chain) and an endpoint override (else the standard
/// <c>AWS_ENDPOINT_URL</c> / <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c> variables, which the SDK reads itself).
/// </summary>
public sealed record AwsConnection(string? ProfileName, string? EndpointUrl)
{
    /// <summary>The region the SDK resolves (AWS_REGION, AWS_DEFAULT_REGION, the profile, instance metadata), or null.</summary>
    public static string? DefaultRegion()
    {
        try
        {
            return FallbackRegionFactory.GetRegionEndpoint()?.SystemName;
        }
        catch (AmazonClientException)
        {
            return null;
        }
    }

    /// <summary>The given regions (validated), or the SDK's region; an error naming what to do when there is none.</summary>
    public static IReadOnlyList<string> ResolveRegions(IReadOnlyCollection<string>? regions, string parameterName = "-Region")
    {
        if (regions is { Count: > 0 }) return regions.Select(AwsRegion.Validate).Distinct(StringComparer.Ordinal).ToList();
        var region = DefaultRegion() ?? throw new OcelotException(ErrorIds.RegionNotResolved, FailureKind.InvalidArgument,
            $"No AWS region was given and none is configured.",
            $"Give {parameterName}, or set AWS_REGION (or a region in your AWS profile).", parameterName);
        return [AwsRegion.Validate(region)];
    }

    public static void ValidateEndpoint(string? endpointUrl)
    {
        if (endpointUrl is null) return;
        // User info in an endpoint would be a secret on its way into messages and logs; AWS never takes it there.
        var shown = Upstream.UpstreamSource.Redact(endpointUrl);
        if (shown != endpointUrl)
            throw new OcelotException(ErrorIds.EndpointInvalid, FailureKind.InvalidArgument,
                $"'{shown}' holds user info; an endpoint URL carries no credentials.",
                "Remove the user info from -EndpointUrl; give credentials through the AWS profile or environment.", shown);
        if (!Uri.TryCreate(endpointUrl, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http"))
            throw new OcelotException(ErrorIds.EndpointInvalid, FailureKind.InvalidArgument,
                $"'{endpointUrl}' is not an http(s) URL.", "Give -EndpointUrl as a full URL, e.g. http://127.0.0.1:5000.", endpointUrl);
    }
}
