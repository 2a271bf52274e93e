using Ocelot.Engine.Aws;
using Ocelot.Engine.Aws.Lambda;
using Ocelot.Engine.Failures;
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

/// <summary>Reads which functions use which layer versions: one paged ListFunctions (every version) per region, regions in parallel.</summary>
public sealed class LayerUsage(AwsConnection connection, int throttleLimit = 8)
{
    public sealed record Result(IReadOnlyDictionary<string, RegionLayerUsage> Regions, IReadOnlyList<OcelotException> Failures);

    public async Task<Result> ReadAsync(IEnumerable<string> regions, CancellationToken cancellationToken)
    {
        var answers = await RegionFanOut.RunAsync(regions.Distinct(StringComparer.Ordinal).ToList(), throttleLimit, async (region, pacer) =>
        {
            try
            {
                using var lambda = LambdaLayerClient.Create(region, connection);
                var functions = await pacer.RunAsync(() => lambda.ListFunctionVersionsAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
                return (Usage: new RegionLayerUsage(region, functions), Failure: (OcelotException?)null);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return (Usage: (RegionLayerUsage?)null, Failure: AwsFailures.Translate(ex, ErrorIds.LayerUsageCheckFailed, region, "Listing the functions that use layers", region));
            }
        }, cancellationToken).ConfigureAwait(false);
        return new Result(
            answers.Where(a => a.Usage is not null).ToDictionary(a => a.Usage!.Region, a => a.Usage!, StringComparer.Ordinal),
            answers.Select(a => a.Failure).OfType<OcelotException>().ToList());
    }
}
