using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Internal;

namespace Ocelot.Engine.Aws.Lambda;

/// <summary>
/// Lambda layer operations on the AWS SDK's runtime pipeline: the SDK supplies credentials (env, profiles incl. SSO and
/// assume-role, container and instance roles), endpoint configuration, SigV4 signing, retries and clock-skew correction.
/// </summary>
public sealed partial class LambdaLayerClient : AmazonServiceClient, ILayerStore
{
    private const string PageSize = "50";
    private const string LayerVersionPath = "/2018-10-31/layers/{LayerName}/versions/{VersionNumber}";
    private static readonly IServiceMetadata Metadata = new LambdaServiceMetadata();

    /// <param name="credentials">Null to use the SDK's default credential chain.</param>
    public LambdaLayerClient(AWSCredentials? credentials, LambdaLayerClientConfig config)
        : base(credentials!, config)
    {
    }

    protected override IServiceMetadata ServiceMetadata => Metadata;

    /// <summary>Creates a client the way the AWS CLI would resolve its settings, with explicit values taking precedence.</summary>
    /// <param name="region">Region name; when empty, the profile's region, then AWS_REGION and the rest of the SDK's chain.</param>
    /// <param name="profileName">Shared config/credentials profile; when empty, the SDK's default credential chain.</param>
    /// <param name="endpointUrl">Endpoint override; when empty, AWS_ENDPOINT_URL_LAMBDA, AWS_ENDPOINT_URL or the profile's, else the regional endpoint.</param>
    public static LambdaLayerClient Create(string? region, string? profileName = null, string? endpointUrl = null, bool withoutRetries = false) =>
        Create(region, new AwsConnection(profileName, endpointUrl), withoutRetries);

    /// <summary>Creates a client with the connection's credentials (resolved as the AWS CLI does) and endpoint.</summary>
    /// <param name="withoutRetries">No SDK retries: for a call that is not idempotent (PublishLayerVersion), whose caller checks the outcome before trying again.</param>
    public static LambdaLayerClient Create(string? region, AwsConnection connection, bool withoutRetries = false)
    {
        var config = new LambdaLayerClientConfig();
        if (withoutRetries) config.MaxErrorRetry = 0;
        var credentials = connection.Credentials();
        var endpointUrl = connection.EndpointUrl;
        // The profile's endpoint_url and services section apply to the selected profile.
        if (connection.ProfileName is { Length: > 0 } profileName)
            config.Profile = connection.ProfileLocation is { Length: > 0 } location ? new Profile(profileName, location) : new Profile(profileName);

        region = string.IsNullOrWhiteSpace(region)
            ? connection.DefaultRegion()
            : region.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(region))
        {
            throw new ArgumentException("No AWS region was given, and none is configured (AWS_REGION or the profile's region).", nameof(region));
        }
        if (!RegionName().IsMatch(region))
        {
            throw new ArgumentException($"'{region}' is not an AWS region name (like us-east-1).", nameof(region));
        }

        if (!string.IsNullOrWhiteSpace(endpointUrl))
        {
            if (!Uri.TryCreate(endpointUrl, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
            {
                throw new ArgumentException($"'{endpointUrl}' is not an http(s) URL.", nameof(endpointUrl));
            }
            // ServiceURL and RegionEndpoint exclude each other in ClientConfig; the region survives as the signing region.
            config.ServiceURL = endpointUrl;
            config.AuthenticationRegion = region;
        }
        else
        {
            // Nothing may read config.ServiceURL before this: the first read loads AWS_ENDPOINT_URL_LAMBDA (or the
            // profile's endpoint), and setting RegionEndpoint afterwards discards it, sending requests to real AWS.
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }
        return new LambdaLayerClient(credentials, config);
    }

    public async Task<LayerVersionDetails> PublishLayerVersionAsync(PublishLayerVersionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var layerName = RequireName(input.LayerName);
        var fields = new JsonObject();
        AddIfSet(fields, "Description", input.Description);
        AddIfSet(fields, "LicenseInfo", input.LicenseInfo);
        if (input.CompatibleRuntimes.Count > 0)
        {
            fields["CompatibleRuntimes"] = new JsonArray(input.CompatibleRuntimes.Select(r => (JsonNode?)r).ToArray());
        }
        if (input.CompatibleArchitectures.Count > 0)
        {
            fields["CompatibleArchitectures"] = new JsonArray(input.CompatibleArchitectures.Select(a => (JsonNode?)a).ToArray());
        }

        var request = new LambdaOperationRequest("POST", "/2018-10-31/layers/{LayerName}/versions")
        {
            JsonBodyStream = input.Content is LayerContent.ZipArchive zip ? await ZipBodyAsync(zip.Zip, fields, cancellationToken).ConfigureAwait(false) : null,
            JsonBody = input.Content is LayerContent.S3Object s3 ? Utf8(WithS3Content(fields, s3)) : null,
        };
        request.PathValues["LayerName"] = layerName;
        return LambdaResponseReader.LayerVersionDetails(await SendAsync(request, cancellationToken).ConfigureAwait(false));
    }

    public async Task<IReadOnlyList<LayerSummary>> ListLayersAsync(CancellationToken cancellationToken = default)
        => await ListAllPagesAsync(new Dictionary<string, string>(), "/2018-10-31/layers", "Layers", LambdaResponseReader.LayerSummary, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<LayerVersionSummary>> ListLayerVersionsAsync(string layerName, CancellationToken cancellationToken = default)
        => await ListAllPagesAsync(
            new Dictionary<string, string> { ["LayerName"] = RequireName(layerName) },
            "/2018-10-31/layers/{LayerName}/versions", "LayerVersions", LambdaResponseReader.LayerVersionSummary, cancellationToken).ConfigureAwait(false);

    public async Task<LayerVersionDetails> GetLayerVersionAsync(string layerName, long version, CancellationToken cancellationToken = default)
    {
        var request = LayerVersionRequest("GET", LayerVersionPath, layerName, version);
        return LambdaResponseReader.LayerVersionDetails(await SendAsync(request, cancellationToken).ConfigureAwait(false));
    }

    public async Task DeleteLayerVersionAsync(string layerName, long version, CancellationToken cancellationToken = default)
        => await SendAsync(LayerVersionRequest("DELETE", LayerVersionPath, layerName, version), cancellationToken).ConfigureAwait(false);

    /// <param name="principal">An account id, <c>*</c> for everyone, or <c>*</c> with <paramref name="organizationId"/> for one organization.</param>
    /// <param name="revisionId">Only change the policy if it is still at this revision.</param>
    public async Task<LayerVersionPermission> AddLayerVersionPermissionAsync(
        string layerName, long version, string statementId, string action, string principal,
        string? organizationId = null, string? revisionId = null, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject { ["StatementId"] = RequireName(statementId), ["Action"] = action, ["Principal"] = principal };
        AddIfSet(body, "OrganizationId", organizationId);
        var request = LayerVersionRequest("POST", LayerVersionPath + "/policy", layerName, version, Utf8(body));
        AddIfSet(request.Query, "RevisionId", revisionId);
        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return new LayerVersionPermission(LambdaResponseReader.RequiredString(response, "Statement"), LambdaResponseReader.String(response, "RevisionId"));
    }

    public async Task RemoveLayerVersionPermissionAsync(
        string layerName, long version, string statementId, string? revisionId = null, CancellationToken cancellationToken = default)
    {
        var request = LayerVersionRequest("DELETE", LayerVersionPath + "/policy/{StatementId}", layerName, version);
        request.PathValues["StatementId"] = RequireName(statementId);
        AddIfSet(request.Query, "RevisionId", revisionId);
        await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <returns>The policy, or null when the layer version has none.</returns>
    public async Task<LayerVersionPolicy?> GetLayerVersionPolicyAsync(string layerName, long version, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await SendAsync(LayerVersionRequest("GET", LayerVersionPath + "/policy", layerName, version), cancellationToken).ConfigureAwait(false);
            return new LayerVersionPolicy(LambdaResponseReader.RequiredString(response, "Policy"), LambdaResponseReader.String(response, "RevisionId"));
        }
        catch (LambdaServiceException lambdaError) when (lambdaError.Kind == LambdaErrorKind.ResourceNotFound)
        {
            // Lambda reports "no policy yet" as ResourceNotFound; a missing layer version also lands here.
            return null;
        }
    }

    /// <returns>The account's limits, or null when the endpoint does not implement GetAccountSettings (emulators);
    /// callers then fall back to <see cref="AccountLimits.DocumentedDirectUploadZipBytes"/>.</returns>
    public async Task<AccountLimits?> GetAccountSettingsAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await SendAsync(new LambdaOperationRequest("GET", "/2016-08-19/account-settings/"), cancellationToken).ConfigureAwait(false);
            return LambdaResponseReader.AccountLimits(response);
        }
        catch (LambdaServiceException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        pipeline.RemoveHandler<EndpointResolver>();
        pipeline.AddHandlerAfter<Marshaller>(new LambdaEndpointResolver());
        pipeline.AddHandlerAfter<Marshaller>(new LambdaAuthSchemeHandler());
    }

    private async Task<List<T>> ListAllPagesAsync<T>(
        Dictionary<string, string> pathValues, string path, string itemsProperty, Func<JsonElement, T> readItem, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        var seenMarkers = new HashSet<string>(StringComparer.Ordinal);
        string? marker = null;
        do
        {
            var request = new LambdaOperationRequest("GET", path);
            foreach (var (name, value) in pathValues)
            {
                request.PathValues[name] = value;
            }
            request.Query["MaxItems"] = PageSize;
            AddIfSet(request.Query, "Marker", marker);
            var page = await SendAsync(request, cancellationToken).ConfigureAwait(false);
            items.AddRange(LambdaResponseReader.Array(page, itemsProperty).Select(readItem));
            marker = LambdaResponseReader.String(page, "NextMarker");
            if (!string.IsNullOrEmpty(marker) && !seenMarkers.Add(marker))
            {
                throw new InvalidDataException($"Lambda returned the NextMarker '{marker}' twice; stopping instead of listing forever.");
            }
        }
        while (!string.IsNullOrEmpty(marker));
        return items;
    }

    private async Task<JsonElement> SendAsync(LambdaOperationRequest request, CancellationToken cancellationToken)
    {
        var options = new InvokeOptions
        {
            RequestMarshaller = LambdaRequestMarshaller.Instance,
            ResponseUnmarshaller = LambdaJsonResponseUnmarshaller.Instance,
        };
        try
        {
            var response = await InvokeAsync<LambdaJsonResponse>(request, options, cancellationToken).ConfigureAwait(false);
            return response.Body;
        }
        catch (AmazonServiceException e)
        {
            throw LambdaServiceException.FromSdk(e);
        }
        finally
        {
            request.JsonBodyStream?.Dispose();
        }
    }

    private static async Task<Stream> ZipBodyAsync(Stream zip, JsonObject otherFields, CancellationToken cancellationToken)
    {
        if (zip.CanSeek)
        {
            return new ZipFileJsonBodyStream(zip, otherFields);
        }
        // The body is read twice (SigV4 hash, then send) and again on retries, so a one-pass stream is buffered once.
        var buffered = new MemoryStream();
        await zip.CopyToAsync(buffered, cancellationToken).ConfigureAwait(false);
        buffered.Position = 0;
        return new ZipFileJsonBodyStream(buffered, otherFields, ownsZip: true);
    }

    private static JsonObject WithS3Content(JsonObject fields, LayerContent.S3Object s3)
    {
        var content = new JsonObject { ["S3Bucket"] = s3.Bucket, ["S3Key"] = s3.Key };
        AddIfSet(content, "S3ObjectVersion", s3.ObjectVersion);
        fields["Content"] = content;
        return fields;
    }

    private static LambdaOperationRequest LayerVersionRequest(string method, string path, string layerName, long version, byte[]? body = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        var request = new LambdaOperationRequest(method, path) { JsonBody = body };
        request.PathValues["LayerName"] = RequireName(layerName);
        request.PathValues["VersionNumber"] = version.ToString(CultureInfo.InvariantCulture);
        return request;
    }

    private static string RequireName(string value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? argument = null)
        => string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("A value is required.", argument) : value;

    private static void AddIfSet(JsonObject json, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            json[name] = value;
        }
    }

    private static void AddIfSet(Dictionary<string, string> query, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            query[name] = value;
        }
    }

    private static byte[] Utf8(JsonObject json) => JsonSerializer.SerializeToUtf8Bytes(json);

    [GeneratedRegex(@"\A[a-z]{2,}(-[a-z]+)+-[0-9]+\z")]
    private static partial Regex RegionName();
}
