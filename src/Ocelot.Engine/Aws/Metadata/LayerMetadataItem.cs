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
    public IReadOnlyList<LayerComponent>? Components { get; init; }
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
    /// Reads an item written by Ocelot or by the Python tool. Missing optional attributes become null;
    /// only <c>layer_arn</c>, the table key, must be present.
    /// </summary>
    public static LayerMetadataItem FromAttributeMap(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var layerArn = ReadString(item, A.LayerArn)
            ?? throw new ArgumentException($"The item has no '{A.LayerArn}' attribute.", nameof(item));
        return new LayerMetadataItem
        {
            LayerArn = layerArn,
            Distribution = ReadString(item, A.Distribution) ?? "",
            DistributionDescription = ReadString(item, A.DistributionDescription),
            BaseLayerArn = ReadString(item, A.BaseLayerArn) ?? "",
            Version = ReadNumber(item, A.Version) ?? 0,
            Region = ReadString(item, A.Region) ?? "",
            BaseName = ReadString(item, A.BaseName),
            Architecture = ReadString(item, A.Architecture) ?? "",
            LayerVersionStr = ReadString(item, A.LayerVersionStr),
            CollectorVersionInput = ReadString(item, A.CollectorVersionInput),
            Md5Hash = ReadString(item, A.Md5Hash) ?? "",
            PublishTimestamp = ReadString(item, A.PublishTimestamp),
            Public = item.TryGetValue(A.Public, out var isPublic) && isPublic.BOOL == true,
            CompatibleRuntimes = ReadList(item, A.CompatibleRuntimes),
            Sha256 = ReadString(item, A.Sha256),
            CodeSha256 = ReadString(item, A.CodeSha256),
            CodeSize = ReadNumber(item, A.CodeSize),
            UpstreamRepo = ReadString(item, A.UpstreamRepo),
            UpstreamCommit = ReadString(item, A.UpstreamCommit),
            BuildTags = ReadList(item, A.BuildTags),
            SharedWith = ReadList(item, A.SharedWith),
            ReleaseGroup = ReadString(item, A.ReleaseGroup),
            OcelotVersion = ReadString(item, A.OcelotVersion),
            Components = item.TryGetValue(A.Components, out var components) ? StoredComponents.FromAttribute(components) : null,
            ConfigProviders = ReadList(item, A.ConfigProviders),
        };
    }

    public static LayerMetadataItem FromAttributeMap(Dictionary<string, AttributeValue> item) =>
        FromAttributeMap((IReadOnlyDictionary<string, AttributeValue>)item);

    private static string? ReadString(IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) ? value.S ?? value.N : null;

    // Numbers are N when written by either tool; S is accepted in case an item was edited by hand.
    private static long? ReadNumber(IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value)
        && decimal.TryParse(value.N ?? value.S, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
            ? (long)number
            : null;

    // boto3 writes Python lists as L; a string set (SS) is accepted too, since boto3 writes Python sets that way.
    private static IReadOnlyList<string>? ReadList(IReadOnlyDictionary<string, AttributeValue> item, string name)
    {
        if (!item.TryGetValue(name, out var value)) return null;
        if (value.L is { } list) return list.Select(v => v.S ?? "").ToList();
        return value.SS?.ToList();
    }
}
