using Ocelot.Engine.Aws;

namespace Ocelot.Engine.Rollout;

/// <summary>What applies to every target of one Update-OcelotFunctionLayer call.</summary>
public sealed record RolloutOptions
{
    public required AwsConnection Connection { get; init; }

    /// <summary>Tags a function must all carry (key and exact value) to be chosen; empty: no tag filter.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>Add the version to chosen functions that use no version of the layer.</summary>
    public bool Add { get; init; }

    /// <summary>Also replace layers (of the same region) whose names this accepts, e.g. another collector release's layer.</summary>
    public Func<string, bool>? AlsoReplace { get; init; }

    /// <summary>Functions updated at once, over all regions.</summary>
    public int ThrottleLimit { get; init; } = 10;

    /// <summary>How long to wait for one function's update to finish (LastUpdateStatus Successful).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);
}
