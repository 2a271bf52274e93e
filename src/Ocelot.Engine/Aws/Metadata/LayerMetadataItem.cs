using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Ocelot.Engine.Components;
using A = Ocelot.Engine.Aws.Metadata.LayerMetadataAttributes;

namespace Ocelot.Engine.Aws.Metadata;

/// <summary>Metadata about one published layer version: one item of the metadata table.</summary>
public sealed record LayerMetadataItem
{
    /// <summary>Full version ARN: <c>arn:aws:lambda:&lt;region&gt;:&lt;acct&gt;:layer:&lt;name&gt;:&lt;n&gt;</c>.</summary>
    public required string LayerArn { get; init; }
    public required string Distribution { get; init; }
    public string? DistributionDescription { get; init; }
    /// <summary>The layer ARN without its <c>:&lt;n&gt;</c> version suffix.</summary>
    public required string BaseLayerArn { get; init; }
    public required long Version { get; init; }
    public required string Region { get; init; }
    /// <summary>The full constructed layer name, e.g. <c>ocel-amd64-minimal-0_158_0-beta</c>.</summary>
    public string? BaseName { get; init; }
    /// <summary><c>amd64</c> or <c>arm64</c>, never <c>x86_64</c>.</summary>
    public required string Architecture { get; init; }
    /// <summary>The cleaned collector version used in the layer name, e.g. <c>0_158_0</c>.</summary>
    public string? LayerVersionStr { get; init; }
    /// <summary>The collector version as given, e.g. <c>v0.158.0</c>.</summary>
    public string? CollectorVersionInput { get; init; }
    public required string Md5Hash { get; init; }
    /// <summary>See <see cref="Metadata.PublishTimestamp"/> for the format.</summary>
    public string? PublishTimestamp { get; init; }
    public bool Public { get; init; }
    public IReadOnlyList<string>? CompatibleRuntimes { get; init; }

    public string? Sha256 { get; init; }
    /// <summary>Lambda's <c>CodeSha256</c> (base64).</summary>
    public string? CodeSha256 { get; init; }
    public long? CodeSize { get; init; }
    public string? UpstreamRepo { get; init; }
    public string? UpstreamCommit { get; init; }
    public IReadOnlyList<string>? BuildTags { get; init; }
    /// <summary>Principals or organization ids the version is shared with.</summary>
    public IReadOnlyList<string>? SharedWith { get; init; }
    public string? ReleaseGroup { get; init; }
    public string? OcelotVersion { get; init; }
    public IReadOnlyList<OcelotLayerComponent>? Components { get; init; }
    public IReadOnlyList<string>? ConfigProviders { get; init; }

    /// <summary>Names of the attributes that must be present before the item may be written.</summary>
    public IReadOnlyList<string> FindMissingRequiredAttributes()
    {
        var missing = new List<string>();
        void Require(string name, string? value)
        {
            if (string.IsNullOrEmpty(value)) missing.Add(name);
        }
        Require(A.LayerArn, LayerArn);
        Require(A.Distribution, Distribution);
        Require(A.BaseLayerArn, BaseLayerArn);
        if (Version < 1) missing.Add(A.Version);
        Require(A.Region, Region);
        Require(A.Architecture, Architecture);
        Require(A.Md5Hash, Md5Hash);
        return missing;
    }

    /// <summary>The DynamoDB item; empty strings and empty lists are left out, as the Python tool did.</summary>
    public Dictionary<string, AttributeValue> ToAttributeMap()
    {
        var item = new Dictionary<string, AttributeValue>();
        void PutString(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value)) item[name] = new AttributeValue { S = value };
        }
        void PutList(string name, IReadOnlyList<string>? values)
        {
            if (values is { Count: > 0 })
                item[name] = new AttributeValue { L = values.Select(v => new AttributeValue { S = v }).ToList() };
        }

        PutString(A.LayerArn, LayerArn);
        PutString(A.Distribution, Distribution);
        PutString(A.DistributionDescription, DistributionDescription);
        PutString(A.BaseLayerArn, BaseLayerArn);
        item[A.Version] = new AttributeValue { N = Version.ToString(CultureInfo.InvariantCulture) };
        PutString(A.Region, Region);
        PutString(A.BaseName, BaseName);
        PutString(A.Architecture, Architecture);
        PutString(A.LayerVersionStr, LayerVersionStr);
        PutString(A.CollectorVersionInput, CollectorVersionInput);
        PutString(A.Md5Hash, Md5Hash);
        PutString(A.PublishTimestamp, PublishTimestamp);
        item[A.Public] = new AttributeValue { BOOL = Public };
        PutList(A.CompatibleRuntimes, CompatibleRuntimes);

        PutString(A.Sha256, Sha256);
        PutString(A.CodeSha256, CodeSha256);
        if (CodeSize is { } size) item[A.CodeSize] = new AttributeValue { N = size.ToString(CultureInfo.InvariantCulture) };
        PutString(A.UpstreamRepo, UpstreamRepo);
        PutString(A.UpstreamCommit, UpstreamCommit);
        PutList(A.BuildTags, BuildTags);
        PutList(A.SharedWith, SharedWith);
        PutString(A.ReleaseGroup, ReleaseGroup);
        PutString(A.OcelotVersion, OcelotVersion);
        if (Components is { Count: > 0 }) item[A.Components] = StoredComponents.ToAttribute(Components);
        PutList(A.ConfigProviders, ConfigProviders);
        return item;
    }

    /// <summary>
    /// Reads an item written by Ocelot or by the Python tool. Missing optional attributes become null; only
    /// <c>layer_arn</c>, the table key, must be present. Items come from anyone who can write the table, so an
    /// attribute of the wrong type, or a number that is not an integer Ocelot can hold, is a
    /// <see cref="LayerMetadataFormatException"/> naming the item and the attribute, never a crash.
    /// </summary>
    public static LayerMetadataItem FromAttributeMap(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var layerArn = ReadString(item, A.LayerArn, null);
        if (string.IsNullOrEmpty(layerArn)) throw new LayerMetadataFormatException(null, A.LayerArn, "the item has no layer ARN (its key)");
        return new LayerMetadataItem
        {
            LayerArn = layerArn,
            Distribution = ReadString(item, A.Distribution, layerArn) ?? "",
            DistributionDescription = ReadString(item, A.DistributionDescription, layerArn),
            BaseLayerArn = ReadString(item, A.BaseLayerArn, layerArn) ?? "",
            Version = ReadNumber(item, A.Version, layerArn) ?? 0,
            Region = ReadString(item, A.Region, layerArn) ?? "",
            BaseName = ReadString(item, A.BaseName, layerArn),
            Architecture = ReadString(item, A.Architecture, layerArn) ?? "",
            LayerVersionStr = ReadString(item, A.LayerVersionStr, layerArn),
            CollectorVersionInput = ReadString(item, A.CollectorVersionInput, layerArn),
            Md5Hash = ReadString(item, A.Md5Hash, layerArn) ?? "",
            PublishTimestamp = ReadString(item, A.PublishTimestamp, layerArn),
            Public = ReadBool(item, A.Public, layerArn) ?? false,
            CompatibleRuntimes = ReadList(item, A.CompatibleRuntimes, layerArn),
            Sha256 = ReadString(item, A.Sha256, layerArn),
            CodeSha256 = ReadString(item, A.CodeSha256, layerArn),
            CodeSize = ReadNumber(item, A.CodeSize, layerArn),
            UpstreamRepo = ReadString(item, A.UpstreamRepo, layerArn),
            UpstreamCommit = ReadString(item, A.UpstreamCommit, layerArn),
            BuildTags = ReadList(item, A.BuildTags, layerArn),
            SharedWith = ReadList(item, A.SharedWith, layerArn),
            ReleaseGroup = ReadString(item, A.ReleaseGroup, layerArn),
            OcelotVersion = ReadString(item, A.OcelotVersion, layerArn),
            Components = item.TryGetValue(A.Components, out var components) ? StoredComponents.FromAttribute(components) : null,
            ConfigProviders = ReadList(item, A.ConfigProviders, layerArn),
        };
    }

    public static LayerMetadataItem FromAttributeMap(Dictionary<string, AttributeValue> item) =>
        FromAttributeMap((IReadOnlyDictionary<string, AttributeValue>)item);

    private static bool IsNull(AttributeValue value) => value.NULL == true;

    private static string? ReadString(IReadOnlyDictionary<string, AttributeValue> item, string name, string? layerArn)
    {
        if (!item.TryGetValue(name, out var value) || value is null || IsNull(value)) return null;
        return value.S ?? value.N ?? throw new LayerMetadataFormatException(layerArn, name, "it is not a string");
    }

    // Numbers are N when written by either tool; S is accepted in case an item was edited by hand.
    private static long? ReadNumber(IReadOnlyDictionary<string, AttributeValue> item, string name, string? layerArn)
    {
        if (!item.TryGetValue(name, out var value) || value is null || IsNull(value)) return null;
        var text = value.N ?? value.S ?? throw new LayerMetadataFormatException(layerArn, name, "it is not a number");
        if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
            throw new LayerMetadataFormatException(layerArn, name, double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                ? $"{Shorten(text)} is not a whole number Ocelot can hold"
                : $"'{Shorten(text)}' is not a number");
        if (number != decimal.Truncate(number) || number < long.MinValue || number > long.MaxValue)
            throw new LayerMetadataFormatException(layerArn, name, $"{Shorten(text)} is not a whole number Ocelot can hold");
        return (long)number;
    }

    private static bool? ReadBool(IReadOnlyDictionary<string, AttributeValue> item, string name, string? layerArn)
    {
        if (!item.TryGetValue(name, out var value) || value is null || IsNull(value)) return null;
        return value.BOOL ?? throw new LayerMetadataFormatException(layerArn, name, "it is not a boolean");
    }

    // boto3 writes Python lists as L; a string set (SS) is accepted too, since boto3 writes Python sets that way.
    private static IReadOnlyList<string>? ReadList(IReadOnlyDictionary<string, AttributeValue> item, string name, string? layerArn)
    {
        if (!item.TryGetValue(name, out var value) || value is null || IsNull(value)) return null;
        if (value.L is { } list)
            return list.Select(v => v?.S ?? v?.N ?? throw new LayerMetadataFormatException(layerArn, name, "it holds something other than strings")).ToList();
        return value.SS?.ToList() ?? throw new LayerMetadataFormatException(layerArn, name, "it is not a list of strings");
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
