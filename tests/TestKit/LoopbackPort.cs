using System.Net;
using System.Net.Sockets;

namespace Ocelot.TestKit;

/// <summary>Loopback ports for the servers tests start (moto, git daemon, HTTP stand-ins).</summary>
public static class LoopbackPort
{
    public static int Free()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Waits until something listens on <paramref name="port"/>, or throws after <paramref name="timeout"/>.</summary>
    public static void WaitUntilListening(int port, TimeSpan timeout, Func<bool>? stillStarting = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && (stillStarting?.Invoke() ?? true))
            {
                Thread.Sleep(100);
            }
        }
    }
}
