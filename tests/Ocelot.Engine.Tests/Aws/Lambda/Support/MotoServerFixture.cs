using System.Diagnostics;
using System.Net.Sockets;

using Ocelot.Engine.Aws.Lambda;

namespace Ocelot.Engine.Tests.Aws.Lambda.Support;

/// <summary>
/// Hands every test class the same moto_server on 127.0.0.1 (xunit 2 has no assembly fixture, and a server per
/// class would restart moto several times a run). It is killed by PID when the test process exits; a shell
/// watchdog also kills it if the test process dies without running exit handlers.
/// </summary>
public sealed class MotoServerFixture
{
    private static readonly Lazy<MotoServer> Shared = new(MotoServer.Start);

    public string Url => Shared.Value.Url;

    private sealed class MotoServer
    {
        private readonly Process _process;

        private MotoServer(Process process, string url)
        {
            _process = process;
            Url = url;
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
        }

        public string Url { get; }

        public static MotoServer Start()
        {
            var port = LoopbackPorts.FindFree();
            var startInfo = new ProcessStartInfo("bash")
            {
                ArgumentList =
                {
                    "-c",
                    "moto_server -H 127.0.0.1 -p \"$0\" & moto=$!; trap 'kill $moto 2>/dev/null' EXIT; "
                        + "while kill -0 \"$1\" 2>/dev/null && kill -0 $moto 2>/dev/null; do sleep 1; done",
                    port.ToString(),
                    Environment.ProcessId.ToString(),
                },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            var process = Process.Start(startInfo) ?? throw new InvalidOperationException("moto_server did not start.");
            // Drain its request log so a full pipe never blocks it.
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (true)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"moto_server exited with code {process.ExitCode}.");
                }
                try
                {
                    using var client = new TcpClient();
                    client.Connect("127.0.0.1", port);
                    break;
                }
                catch (SocketException) when (DateTime.UtcNow < deadline)
                {
                    Thread.Sleep(100);
                }
            }
            return new MotoServer(process, $"http://127.0.0.1:{port}");
        }

        private void Stop()
        {
            try
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        }
    }
}
