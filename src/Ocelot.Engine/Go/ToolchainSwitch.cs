namespace Ocelot.Engine.Go;

/// <summary>
/// Go's toolchain selection rules (https://go.dev/doc/toolchain): from Go 1.21 a go command whose version is older than
/// a module's go line runs (and, with GOTOOLCHAIN=auto, downloads) a newer toolchain, unless GOTOOLCHAIN=local or
/// names a fixed toolchain. Go before 1.21 knows nothing of this and just fails later.
/// </summary>
public static class ToolchainSwitch
{
    private static readonly GoVersion FirstSwitching = new(1, 21, 0, "go1.21.0");

    public sealed record Decision(ToolchainChoice Choice, string Reason);

    /// <param name="local">The version of the go on PATH, with GOTOOLCHAIN=local.</param>
    /// <param name="goToolchain">The GOTOOLCHAIN setting in effect (go env GOTOOLCHAIN); empty means auto.</param>
    /// <param name="directive">The highest go line of upstream's go.mod files; null when there is none.</param>
    public static Decision Decide(GoVersion local, string? goToolchain, GoVersion? directive)
    {
        if (directive is null || local >= directive) return new(ToolchainChoice.UseLocal, $"go {local} meets the go directive");
        if (local < FirstSwitching)
            return new(ToolchainChoice.Refuse, $"go {local} is older than 1.21, so it cannot switch to the toolchain upstream needs");
        var setting = string.IsNullOrWhiteSpace(goToolchain) ? "auto" : goToolchain.Trim();
        var plus = setting.IndexOf('+');
        var name = plus < 0 ? setting : setting[..plus];
        var mode = plus < 0 ? null : setting[(plus + 1)..];
        if (name is "auto" or "path")
            return new(ToolchainChoice.LetGoSwitch, $"GOTOOLCHAIN={setting} lets go {local} switch to go {directive}");
        if (name == "local")
            return mode is "auto" or "path"
                ? new(ToolchainChoice.LetGoSwitch, $"GOTOOLCHAIN={setting} lets go {local} switch to go {directive}")
                : new(ToolchainChoice.Refuse, "GOTOOLCHAIN=local forbids switching toolchains");
        if (GoVersion.TryParse(name) is not { } named)
            return new(ToolchainChoice.Refuse, $"GOTOOLCHAIN={setting} is not a setting go understands");
        if (mode is "auto" or "path" || named >= directive)
            return new(ToolchainChoice.LetGoSwitch, $"GOTOOLCHAIN={setting} makes go run a toolchain that meets go {directive}");
        return new(ToolchainChoice.Refuse, $"GOTOOLCHAIN={setting} fixes the toolchain at {named}, older than go {directive}");
    }
}
