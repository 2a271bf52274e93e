namespace Ocelot;

/// <summary>
/// A failure the user can act on. <see cref="ErrorId"/> is stable (one of <see cref="ErrorIds"/>) so scripts can
/// match on it; <see cref="RecommendedAction"/> says what to do about it.
/// </summary>
public class OcelotException : Exception
{
    public OcelotException(string errorId, FailureKind kind, string message, string? recommendedAction = null, object? target = null, Exception? inner = null)
        : base(message, inner)
    {
        ErrorId = errorId;
        Kind = kind;
        RecommendedAction = recommendedAction;
        Target = target;
    }

    public string ErrorId { get; }
    public FailureKind Kind { get; }
    public string? RecommendedAction { get; }
    public object? Target { get; }
}
