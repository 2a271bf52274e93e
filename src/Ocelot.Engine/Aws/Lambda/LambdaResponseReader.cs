using System.Globalization;
using System.Text.Json;

namespace Ocelot.Engine.Aws.Lambda;

/// <summary>Maps Lambda's JSON response shapes to the result records.</summary>
internal static class LambdaResponseReader
{
    public static LayerVersionDetails LayerVersionDetails(JsonElement json)
    {
        var content = json.TryGetProperty("Content", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        return new LayerVersionDetails(
            RequiredString(json, "LayerArn"),
            RequiredString(json, "LayerVersionArn"),
            Long(json, "Version"),
            String(json, "Description"),
            Date(json, "CreatedDate"),
            Strings(json, "CompatibleRuntimes"),
            Strings(json, "CompatibleArchitectures"),
            String(json, "LicenseInfo"),
            new LayerVersionContent(String(content, "Location"), String(content, "CodeSha256"), Long(content, "CodeSize")));
    }

    public static LayerVersionSummary LayerVersionSummary(JsonElement json) => new(
        RequiredString(json, "LayerVersionArn"),
        Long(json, "Version"),
        String(json, "Description"),
        Date(json, "CreatedDate"),
        Strings(json, "CompatibleRuntimes"),
        Strings(json, "CompatibleArchitectures"),
        String(json, "LicenseInfo"));

    public static LayerSummary LayerSummary(JsonElement json) => new(
        RequiredString(json, "LayerName"),
        RequiredString(json, "LayerArn"),
        json.TryGetProperty("LatestMatchingVersion", out var latest) && latest.ValueKind == JsonValueKind.Object
            ? LayerVersionSummary(latest)
            : null);

    public static AccountLimits AccountLimits(JsonElement json)
    {
        var limits = json.GetProperty("AccountLimit");
        return new AccountLimits(
            Long(limits, "TotalCodeSize"),
            Long(limits, "CodeSizeUnzipped"),
            Long(limits, "CodeSizeZipped"),
            (int)Long(limits, "ConcurrentExecutions"),
            limits.TryGetProperty("UnreservedConcurrentExecutions", out var u) && u.ValueKind == JsonValueKind.Number ? u.GetInt32() : null);
    }

    public static IEnumerable<JsonElement> Array(JsonElement json, string name)
        => json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var items) && items.ValueKind == JsonValueKind.Array
            ? items.EnumerateArray()
            : [];

    public static string? String(JsonElement json, string name)
        => json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static string RequiredString(JsonElement json, string name)
        => String(json, name) ?? throw new InvalidDataException($"Lambda's response has no '{name}'.");

    private static long Long(JsonElement json, string name)
        => json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetInt64()
            : 0;

    private static IReadOnlyList<string> Strings(JsonElement json, string name)
        => Array(json, name).Select(item => item.GetString()).OfType<string>().ToArray();

    /// <summary>Lambda writes dates as <c>2018-11-27T15:10:45.123+0000</c>: an offset without a colon, which ISO parsing rejects.</summary>
    internal static DateTimeOffset ParseLambdaDate(string text)
    {
        string[] formats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];
        var normalized = text.Length > 5 && (text[^5] == '+' || text[^5] == '-') && char.IsDigit(text[^1])
            ? text[..^2] + ":" + text[^2..]
            : text;
        return DateTimeOffset.ParseExact(normalized, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }

    private static DateTimeOffset Date(JsonElement json, string name) => ParseLambdaDate(RequiredString(json, name));
}
