namespace Ocelot.Engine.Distributions;

/// <summary>A place in a configuration file, 1-based, printed as <c>file:line:column</c>.</summary>
public sealed record SourceLocation(string File, long Line, long Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
