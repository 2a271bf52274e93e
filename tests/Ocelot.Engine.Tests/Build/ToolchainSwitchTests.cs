using Ocelot.Engine.Go;

namespace Ocelot.Engine.Tests.Build;

/// <summary>When a too-old local go may switch toolchains itself (Go 1.21+, as GOTOOLCHAIN allows) and when Ocelot must refuse.</summary>
public sealed class ToolchainSwitchTests
{
    [Theory]
    // The local go is new enough: whatever GOTOOLCHAIN says.
    [InlineData("go1.19.8", "", "1.19", ToolchainChoice.UseLocal)]
    [InlineData("go1.23.4", "local", "1.22.0", ToolchainChoice.UseLocal)]
    [InlineData("go1.22.0", "auto", null, ToolchainChoice.UseLocal)]
    // Go before 1.21 cannot switch.
    [InlineData("go1.19.8", "", "1.22.0", ToolchainChoice.Refuse)]
    [InlineData("go1.20.14", "auto", "1.21.0", ToolchainChoice.Refuse)]
    // Go 1.21+ with auto (the default, also when unset) or path switches.
    [InlineData("go1.21.0", "", "1.23.0", ToolchainChoice.LetGoSwitch)]
    [InlineData("go1.21.13", "auto", "1.25.1", ToolchainChoice.LetGoSwitch)]
    [InlineData("go1.22.3", "path", "1.24", ToolchainChoice.LetGoSwitch)]
    [InlineData("go1.22.3", "local+auto", "1.24", ToolchainChoice.LetGoSwitch)]
    [InlineData("go1.22.3", "go1.21.0+auto", "1.24", ToolchainChoice.LetGoSwitch)]
    // GOTOOLCHAIN=local forbids it; a fixed toolchain works only if it is new enough.
    [InlineData("go1.22.3", "local", "1.23.0", ToolchainChoice.Refuse)]
    [InlineData("go1.22.3", "go1.23.1", "1.23.0", ToolchainChoice.LetGoSwitch)]
    [InlineData("go1.22.3", "go1.22.9", "1.23.0", ToolchainChoice.Refuse)]
    [InlineData("go1.22.3", "nonsense", "1.23.0", ToolchainChoice.Refuse)]
    public void Decides_from_the_local_version_GOTOOLCHAIN_and_the_go_directive(string local, string goToolchain, string? directive, ToolchainChoice expected)
    {
        var decision = ToolchainSwitch.Decide(GoVersion.TryParse(local)!, goToolchain, GoVersion.TryParse(directive));
        Assert.Equal(expected, decision.Choice);
        Assert.False(string.IsNullOrWhiteSpace(decision.Reason));
    }

    [Fact]
    public void A_refusal_says_why()
    {
        Assert.Contains("older than 1.21", ToolchainSwitch.Decide(GoVersion.TryParse("go1.19.8")!, "", GoVersion.TryParse("1.22"))!.Reason);
        Assert.Contains("GOTOOLCHAIN=local", ToolchainSwitch.Decide(GoVersion.TryParse("go1.22.0")!, "local", GoVersion.TryParse("1.23"))!.Reason);
    }
}
