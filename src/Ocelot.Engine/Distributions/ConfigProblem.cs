namespace Ocelot.Engine.Distributions;

/// <summary>Something wrong with one distribution's definition. Other distributions stay usable.</summary>
public sealed record ConfigProblem(string ErrorId, string Distribution, string Message, string RecommendedAction, SourceLocation? Location);
