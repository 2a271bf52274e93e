using Ocelot.Engine.Aws.Lambda;
using Ocelot.Engine.Layers;

namespace Ocelot.Engine.Rollout;

/// <summary>Which functions (their $LATEST and published versions) of one region reference each layer version.</summary>
public sealed class RegionLayerUsage
{
    private readonly Dictionary<string, List<string>> _byArn = new(StringComparer.Ordinal);

    public RegionLayerUsage(string region, IEnumerable<FunctionConfiguration> functions)
    {
        Region = region;
        foreach (var function in functions)
            foreach (var arn in function.LayerArns.Distinct(StringComparer.Ordinal))
            {
                if (!_byArn.TryGetValue(arn, out var users)) _byArn[arn] = users = [];
                users.Add(function.QualifiedName);
            }
        foreach (var users in _byArn.Values) users.Sort(StringComparer.Ordinal);
    }

    public string Region { get; }

    /// <summary>The functions using exactly this layer version ARN, sorted; empty when none.</summary>
    public IReadOnlyList<string> UsersOf(string layerVersionArn) => _byArn.TryGetValue(layerVersionArn, out var users) ? users : [];

    /// <summary>The functions using this version of a layer of this name (any account), for when the ARN is not known.</summary>
    public IReadOnlyList<string> UsersOf(string layerName, long version) =>
        _byArn.Where(e => LayerVersionArn.TryParse(e.Key, out var arn) && arn.LayerName == layerName && arn.Version == version)
            .SelectMany(e => e.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}
