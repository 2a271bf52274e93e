namespace Ocelot.Engine.Build;

/// <summary>The stages of a layer build, in order. Their names are what <c>$env:OCELOT_INJECT_FAULT</c> takes.</summary>
public enum BuildStage
{
    Fetch,
    Overlay,
    Dependencies,
    Compile,
    Package,
}
