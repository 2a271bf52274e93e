using System.Diagnostics;
using System.Text;

namespace Ocelot.TestKit;

/// <summary>What a finished program wrote and how it exited.</summary>
public sealed record ChildProcessResult(int ExitCode, byte[] OutputBytes, string Error)
{
    public string Output => Encoding.UTF8.GetString(OutputBytes);
}

/// <summary>
/// The one way tests start programs (moto_server, the AWS CLI, git, go, python, mount): an argument list, never a shell
/// string; environment changes for the child only, so the test process's own environment stays as it is; both pipes
/// drained, so a chatty program never blocks on a full pipe; servers stopped by their own process id.
/// </summary>
public static class ChildProcess
{
    /// <summary>Runs <paramref name="program"/> to the end. A null value in <paramref name="environment"/> removes that variable for the child.</summary>
    public static ChildProcessResult Run(string program, IEnumerable<string> arguments, string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null, byte[]? input = null)
    {
        var start = StartInfo(program, arguments, workingDirectory, environment);
        start.RedirectStandardInput = input is not null;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"'{program}' did not start.");
        var error = process.StandardError.ReadToEndAsync();
        var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        if (input is not null)
        {
            process.StandardInput.BaseStream.Write(input);
            process.StandardInput.Close();
        }
        copy.GetAwaiter().GetResult();
        process.WaitForExit();
        return new ChildProcessResult(process.ExitCode, output.ToArray(), error.GetAwaiter().GetResult());
    }

    /// <summary>Runs <paramref name="program"/> and returns its standard output; throws with its error output when it exits non-zero.</summary>
    public static string RunChecked(string program, IEnumerable<string> arguments, string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null, byte[]? input = null)
    {
        var list = arguments.ToList();
        var result = Run(program, list, workingDirectory, environment, input);
        if (result.ExitCode != 0)
            throw new InvalidOperationException(
                $"'{program} {string.Join(' ', list)}'{(workingDirectory is null ? "" : " in " + workingDirectory)} exited with {result.ExitCode}:\n{result.Error}");
        return result.Output;
    }

    /// <summary>Starts a server that listens on <paramref name="port"/> and waits until it does; stop it with <see cref="Stop"/>.</summary>
    public static Process StartServer(string program, IEnumerable<string> arguments, int port, TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var process = Process.Start(StartInfo(program, arguments, null, environment)) ?? throw new InvalidOperationException($"'{program}' did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            LoopbackPort.WaitUntilListening(port, timeout, () => !process.HasExited);
            if (process.HasExited) throw new InvalidOperationException($"'{program}' exited with {process.ExitCode} before it listened on port {port}.");
        }
        catch
        {
            Stop(process);
            throw;
        }
        return process;
    }

    /// <summary>Stops a process this test started, with its children, by its own id.</summary>
    public static void Stop(Process process)
    {
        try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        process.WaitForExit();
        process.Dispose();
    }

    private static ProcessStartInfo StartInfo(string program, IEnumerable<string> arguments, string? workingDirectory, IReadOnlyDictionary<string, string?>? environment)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
            if (value is null) start.Environment.Remove(name); else start.Environment[name] = value;
        return start;
    }
}
