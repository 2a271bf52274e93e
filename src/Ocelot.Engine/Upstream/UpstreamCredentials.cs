namespace Ocelot.Engine.Upstream;

/// <summary>A user name and password taken from an upstream URL; kept in memory only, and never printed.</summary>
public sealed class UpstreamCredentials(string userName, string password)
{
    public string UserName { get; } = userName;
    public string Password { get; } = password;

    public override string ToString() => "***";
}
