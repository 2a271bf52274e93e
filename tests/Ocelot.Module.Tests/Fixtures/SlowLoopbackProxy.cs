using System.Net;
using System.Net.Sockets;
using Ocelot.Module.Tests.Harness;

namespace Ocelot.Module.Tests.Fixtures;

/// <summary>
/// A TCP proxy on loopback that passes requests through at once but trickles replies (a slow network), so a test
/// can stop a fetch while data is still arriving.
/// </summary>
public sealed class SlowLoopbackProxy : IDisposable
{
    private readonly TcpListener _listener;
    private readonly int _targetPort;
    private readonly int _bytesPerTick;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public SlowLoopbackProxy(int targetPort, int bytesPerTick = 2048)
    {
        _targetPort = targetPort;
        _bytesPerTick = bytesPerTick;
        Port = LoopbackPort.Free();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) { return; }
            _ = Task.Run(() => RelayAsync(client));
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var target = new TcpClient())
        {
            try
            {
                await target.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
                var up = Pump(client.GetStream(), target.GetStream(), slow: false);
                var down = Pump(target.GetStream(), client.GetStream(), slow: true);
                await Task.WhenAny(up, down);
            }
            catch (Exception) { }
        }
    }

    private async Task Pump(NetworkStream from, NetworkStream to, bool slow)
    {
        var buffer = new byte[slow ? _bytesPerTick : 65536];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
            {
                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
                if (slow) await Task.Delay(20, _stop.Token);
            }
        }
        catch (Exception) { }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }
}
