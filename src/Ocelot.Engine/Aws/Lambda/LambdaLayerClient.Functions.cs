using System.Text.Json.Nodes;

namespace Ocelot.Engine.Aws.Lambda;

// The function operations a layer rollout needs: list, read, change the layers, read tags.
public sealed partial class LambdaLayerClient
{
    private const string FunctionConfigurationPath = "/2015-03-31/functions/{FunctionName}/configuration";

    public async Task<IReadOnlyList<FunctionConfiguration>> ListFunctionsAsync(CancellationToken cancellationToken = default)
        => await ListAllPagesAsync(new Dictionary<string, string>(), "/2015-03-31/functions", "Functions", FunctionConfiguration.Read, cancellationToken).ConfigureAwait(false);

    /// <summary>Every function's $LATEST and every published version (ListFunctions FunctionVersion=ALL): what still references a layer version.</summary>
    public async Task<IReadOnlyList<FunctionConfiguration>> ListFunctionVersionsAsync(CancellationToken cancellationToken = default)
    {
        var items = new List<FunctionConfiguration>();
        var seenMarkers = new HashSet<string>(StringComparer.Ordinal);
        string? marker = null;
        do
        {
            var request = new LambdaOperationRequest("GET", "/2015-03-31/functions");
            request.Query["FunctionVersion"] = "ALL";
            request.Query["MaxItems"] = PageSize;
            AddIfSet(request.Query, "Marker", marker);
            var page = await SendAsync(request, cancellationToken).ConfigureAwait(false);
            items.AddRange(LambdaResponseReader.Array(page, "Functions").Select(FunctionConfiguration.Read));
            marker = LambdaResponseReader.String(page, "NextMarker");
            if (!string.IsNullOrEmpty(marker) && !seenMarkers.Add(marker))
                throw new InvalidDataException($"Lambda returned the NextMarker '{marker}' twice; stopping instead of listing forever.");
        }
        while (!string.IsNullOrEmpty(marker));
        return items;
    }

    /// <param name="functionName">A function name or ARN (of $LATEST).</param>
    public async Task<FunctionConfiguration> GetFunctionConfigurationAsync(string functionName, CancellationToken cancellationToken = default)
    {
        var request = new LambdaOperationRequest("GET", FunctionConfigurationPath);
        request.PathValues["FunctionName"] = RequireName(functionName);
        return FunctionConfiguration.Read(await SendAsync(request, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Sets the function's layers (the whole ordered list), only if the function is still at <paramref name="revisionId"/> when one is given.</summary>
    public async Task<FunctionConfiguration> UpdateFunctionLayersAsync(
        string functionName, IReadOnlyList<string> layerArns, string? revisionId, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject { ["Layers"] = new JsonArray(layerArns.Select(a => (JsonNode?)a).ToArray()) };
        AddIfSet(body, "RevisionId", revisionId);
        var request = new LambdaOperationRequest("PUT", FunctionConfigurationPath) { JsonBody = Utf8(body) };
        request.PathValues["FunctionName"] = RequireName(functionName);
        return FunctionConfiguration.Read(await SendAsync(request, cancellationToken).ConfigureAwait(false));
    }

    public async Task<IReadOnlyDictionary<string, string>> ListTagsAsync(string functionArn, CancellationToken cancellationToken = default)
    {
        var request = new LambdaOperationRequest("GET", "/2017-03-31/tags/{Resource}");
        request.PathValues["Resource"] = RequireName(functionArn);
        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (response.ValueKind == System.Text.Json.JsonValueKind.Object && response.TryGetProperty("Tags", out var map) && map.ValueKind == System.Text.Json.JsonValueKind.Object)
            foreach (var tag in map.EnumerateObject())
                if (tag.Value.ValueKind == System.Text.Json.JsonValueKind.String) tags[tag.Name] = tag.Value.GetString()!;
        return tags;
    }
}
