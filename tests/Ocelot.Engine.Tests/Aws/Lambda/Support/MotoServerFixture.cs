namespace Ocelot.Engine.Tests.Aws.Lambda.Support;

/// <summary>
/// Hands every test class the same moto_server (the test kit's <see cref="MotoServer"/>): xunit 2 has no assembly
/// fixture, and a server per class would restart moto several times a run. Stopped by its own id when the run ends.
/// </summary>
public sealed class MotoServerFixture
{
    private static readonly Lazy<MotoServer> Shared = new(() =>
    {
        var moto = new MotoServer();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => moto.Dispose();
        return moto;
    });

    public string Url => Shared.Value.Endpoint;
}
