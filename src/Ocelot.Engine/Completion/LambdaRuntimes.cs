namespace Ocelot.Engine.Completion;

/// <summary>Lambda runtime identifiers a layer can declare as compatible (newest first within each language).</summary>
public static class LambdaRuntimes
{
    // Lambda's runtime identifiers (docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html), supported and
    // recently deprecated ones: a layer may still declare those.
    public static IReadOnlyList<string> Known { get; } =
    [
        "nodejs24.x", "nodejs22.x", "nodejs20.x", "nodejs18.x",
        "python3.14", "python3.13", "python3.12", "python3.11", "python3.10", "python3.9",
        "java25", "java21", "java17", "java11", "java8.al2",
        "dotnet10", "dotnet8",
        "ruby3.4", "ruby3.3", "ruby3.2",
        "provided.al2023", "provided.al2",
    ];
}
