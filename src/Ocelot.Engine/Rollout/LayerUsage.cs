using Ocelot.Engine.Aws;
using Ocelot.Engine.Aws.Lambda;

namespace Ocelot.Engine.Rollout;

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
