using Ocelot.Engine.Build;
using Ocelot.Engine.Distributions;
using Ocelot.Engine.Operations;

namespace Ocelot.Engine.Settings;

/// <summary>
/// The environment variables Ocelot reads, read once per command from one place and passed where they are needed,
/// so no engine code looks at the process environment on its own (and a test can give any values it likes).
/// </summary>
public sealed record OcelotEnvironment
{
    public const string DirectUploadLimitVariable = "OCELOT_DIRECT_UPLOAD_LIMIT";
    public const string GoVariable = "OCELOT_GO";
    public const string GitHubRefVariable = "GITHUB_REF";
    public const string StepSummaryVariable = "GITHUB_STEP_SUMMARY";

    /// <summary>The per-user cache folder: <c>OCELOT_CACHE</c>, else the platform's user cache location.</summary>
    public required string CacheFolder { get; init; }

    /// <summary>A distributions file or folder that replaces the module's own config (<c>OCELOT_CONFIG_PATH</c>).</summary>
    public string? ConfigPath { get; init; }

    /// <summary>The go executable to use instead of the one on PATH (<c>OCELOT_GO</c>).</summary>
    public string? GoExecutable { get; init; }

    /// <summary>A build stage to fail on purpose, for tests of failure handling (<c>OCELOT_INJECT_FAULT</c>).</summary>
    public string? FaultStage { get; init; }

    /// <summary>Overrides the direct-upload limit in bytes, e.g. to force S3 staging (<c>OCELOT_DIRECT_UPLOAD_LIMIT</c>).</summary>
    public long? DirectUploadLimit { get; init; }

    /// <summary>The git ref a GitHub Actions run builds (<c>GITHUB_REF</c>), recorded in the metadata table.</summary>
    public string? GitHubRef { get; init; }

    /// <summary>The GitHub Actions step summary file (<c>GITHUB_STEP_SUMMARY</c>).</summary>
    public string? StepSummaryFile { get; init; }

    public static OcelotEnvironment Read(Func<string, string?> variable) => new()
    {
        CacheFolder = UserCacheFolder.Resolve(variable(UserCacheFolder.EnvironmentVariable), variable(UserCacheFolder.XdgVariable)),
        ConfigPath = NonEmpty(variable(ConfigLocation.EnvironmentVariable)),
        GoExecutable = NonEmpty(variable(GoVariable)),
        FaultStage = NonEmpty(variable(FaultInjection.EnvironmentVariable)),
        DirectUploadLimit = long.TryParse(variable(DirectUploadLimitVariable), out var limit) ? limit : null,
        GitHubRef = NonEmpty(variable(GitHubRefVariable)),
        StepSummaryFile = NonEmpty(variable(StepSummaryVariable)),
    };

    /// <summary>The process environment as it is now.</summary>
    public static OcelotEnvironment Current() => Read(Environment.GetEnvironmentVariable);

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
