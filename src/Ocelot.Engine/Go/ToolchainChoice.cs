namespace Ocelot.Engine.Go;

/// <summary>What to do when upstream's go directive asks for a newer Go than the local one.</summary>
public enum ToolchainChoice
{
    /// <summary>The local go is new enough.</summary>
    UseLocal,

    /// <summary>The local go (1.21+) will switch to a newer toolchain itself, as GOTOOLCHAIN allows (fetching it if needed).</summary>
    LetGoSwitch,

    /// <summary>The local go cannot run upstream: refuse with a clear message before any go command.</summary>
    Refuse,
}
