namespace Ocelot.Engine.Aws.Lambda;

/// <summary>The code-size and concurrency limits Lambda reports for the account (sizes in bytes).</summary>
public sealed record AccountLimits(
    long TotalCodeSize,
    long CodeSizeUnzipped,
    long CodeSizeZipped,
    int ConcurrentExecutions,
    int? UnreservedConcurrentExecutions)
{
    /// <summary>The documented limit for a zip sent directly in the request, for when GetAccountSettings is unavailable.</summary>
    public const long DocumentedDirectUploadZipBytes = 50L * 1024 * 1024;
}
