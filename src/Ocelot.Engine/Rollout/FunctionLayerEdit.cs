using Ocelot.Engine.Layers;
namespace Ocelot.Engine.Rollout;

/// <summary>
/// A function's new ordered layer list. The target takes the place of the first version of the same layer (or of a
/// layer whose name <c>alsoReplace</c> accepts, e.g. the layer of an older collector release); other versions of it are
/// dropped (Lambda refuses two versions of one layer); every other layer keeps its place.
/// </summary>
public sealed record FunctionLayerEdit(IReadOnlyList<string> Layers, string? PreviousLayerVersionArn, FunctionLayerChangeKind Kind)
{
    /// <summary>Lambda's limit on layers per function.</summary>
    public const int MaxLayersPerFunction = 5;

    /// <returns>The edit, or null when the function uses no version of the layer and <paramref name="add"/> is false.</returns>
    public static FunctionLayerEdit? For(IReadOnlyList<string> current, LayerVersionArn target, bool add, Func<string, bool>? alsoReplace = null)
    {
        var layers = new List<string>(current.Count + 1);
        string? previous = null;
        foreach (var arn in current)
        {
            var replaced = LayerVersionArn.TryParse(arn, out var parsed)
                && (parsed.LayerArn == target.LayerArn || (alsoReplace is not null && alsoReplace(parsed.LayerName) && parsed.Region == target.Region));
            if (!replaced)
            {
                layers.Add(arn);
                continue;
            }
            if (previous is not null) continue;
            previous = arn;
            layers.Add(target.ToString());
        }
        if (previous is null)
        {
            if (!add) return null;
            layers.Add(target.ToString());
            return new FunctionLayerEdit(layers, null, FunctionLayerChangeKind.Add);
        }
        var unchanged = layers.SequenceEqual(current, StringComparer.Ordinal);
        return new FunctionLayerEdit(layers, previous, unchanged ? FunctionLayerChangeKind.Unchanged : FunctionLayerChangeKind.Replace);
    }
}
