using System.Text.Json;

namespace Ocelot.Engine.Aws.Lambda;

/// <summary>The parts of a function's configuration that a layer rollout reads (ListFunctions, GetFunctionConfiguration).</summary>
public sealed record FunctionConfiguration(
    string FunctionName,
    string FunctionArn,
    IReadOnlyList<string> Architectures,
    IReadOnlyList<string> LayerArns,
    string? RevisionId,
    string? State,
    string? LastUpdateStatus,
    string? LastUpdateStatusReason,
    string? Version = null)
{
    /// <summary>The name, qualified with the version number for a published version (<c>api:3</c>); plain for $LATEST.</summary>
    public string QualifiedName => Version is null or "$LATEST" ? FunctionName : $"{FunctionName}:{Version}";

    /// <summary>Lambda's default when a function names none.</summary>
    public const string DefaultArchitecture = "x86_64";

    public IReadOnlyList<string> EffectiveArchitectures => Architectures.Count > 0 ? Architectures : [DefaultArchitecture];

    internal static FunctionConfiguration Read(JsonElement json) => new(
        LambdaResponseReader.RequiredString(json, "FunctionName"),
        LambdaResponseReader.RequiredString(json, "FunctionArn"),
        LambdaResponseReader.Array(json, "Architectures").Select(a => a.ValueKind == JsonValueKind.String ? a.GetString() : null).OfType<string>().ToArray(),
        LambdaResponseReader.Array(json, "Layers").Select(l => LambdaResponseReader.String(l, "Arn")).OfType<string>().ToArray(),
        LambdaResponseReader.String(json, "RevisionId"),
        LambdaResponseReader.String(json, "State"),
        LambdaResponseReader.String(json, "LastUpdateStatus"),
        LambdaResponseReader.String(json, "LastUpdateStatusReason"),
        LambdaResponseReader.String(json, "Version"));
}
