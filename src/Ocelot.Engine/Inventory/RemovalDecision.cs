namespace Ocelot.Engine.Inventory;

/// <summary>What became of one version offered for removal: a candidate to confirm, or nothing (a repeat, or kept because functions may use it), and why.</summary>
public sealed record RemovalDecision(RemovalCandidate? Candidate, string? KeptBecause, IReadOnlyList<OcelotException> Failures)
{
    public static RemovalDecision Repeat { get; } = new(null, null, []);
}
