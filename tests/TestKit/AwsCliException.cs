namespace Ocelot.TestKit;

/// <summary>The AWS CLI failed; <see cref="Error"/> is what it wrote to standard error.</summary>
public sealed class AwsCliException(int exitCode, string error) : Exception($"aws exited with {exitCode}: {error}")
{
    public string Error { get; } = error;
}
