using Ocelot.Engine.Aws;

namespace Ocelot.Engine.Tests.Aws;

/// <summary>Publish, list, remove and copy spread their work over regions the same way: bounded, and answered in the order asked.</summary>
public sealed class RegionFanOutTests
{
    [Fact]
    public async Task Results_come_in_the_order_of_the_regions_given_however_long_each_takes()
    {
        string[] regions = ["us-east-1", "eu-west-1", "ap-southeast-2", "sa-east-1"];
        var delays = new Dictionary<string, int> { ["us-east-1"] = 120, ["eu-west-1"] = 0, ["ap-southeast-2"] = 60, ["sa-east-1"] = 10 };

        var results = await RegionFanOut.RunAsync(regions, 4, async (region, _) =>
        {
            await Task.Delay(delays[region]);
            return region.ToUpperInvariant();
        }, CancellationToken.None);

        Assert.Equal(regions.Select(r => r.ToUpperInvariant()), results);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task No_more_regions_than_the_throttle_limit_run_at_once(int throttleLimit)
    {
        var running = 0;
        var most = 0;
        var regions = Enumerable.Range(1, 6).Select(i => $"us-test-{i}").ToList();

        await RegionFanOut.RunAsync(regions, throttleLimit, async (region, _) =>
        {
            var now = Interlocked.Increment(ref running);
            lock (regions) most = Math.Max(most, now);
            await Task.Delay(30);
            Interlocked.Decrement(ref running);
            return region;
        }, CancellationToken.None);

        Assert.Equal(throttleLimit, most);
    }

    [Fact]
    public async Task A_region_given_twice_is_worked_once_and_answered_at_both_places()
    {
        var calls = 0;
        var results = await RegionFanOut.RunAsync(["eu-west-1", "us-east-1", "eu-west-1"], 8, (region, _) =>
        {
            Interlocked.Increment(ref calls);
            return Task.FromResult(region);
        }, CancellationToken.None);

        Assert.Equal(["eu-west-1", "us-east-1", "eu-west-1"], results);
        Assert.Equal(2, calls);
    }
}
