namespace Ocelot;

/// <summary>One progress record. <see cref="PercentComplete"/> is -1 when unknown.</summary>
public sealed record ProgressUpdate(int ActivityId, string Activity, string Status, int PercentComplete = -1, bool Completed = false, int ParentActivityId = -1);
