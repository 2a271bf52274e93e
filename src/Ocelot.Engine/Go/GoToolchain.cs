using System.Diagnostics;
using System.Text;
using Ocelot.Engine.Failures;
using Ocelot.Engine.Operations;

namespace Ocelot.Engine.Go;

/// <summary>
/// The <c>go</c> command on PATH. Commands start with an argument list (never a shell string), inherit the user's
/// environment (GOPROXY, GOFLAGS, GOPRIVATE, GOTOOLCHAIN, ...) plus explicit overrides, stream their output to
/// the sink, and are killed with their process tree when the operation is cancelled.
/// </summary>
public sealed class GoToolchain
{
    private GoToolchain(string executable) => Executable = executable;

    public string Executable { get; }

    /// <summary>Finds go on PATH (or at <c>$env:OCELOT_GO</c>).</summary>
    public static GoToolchain Locate(string? explicitPath = null)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            if (File.Exists(explicitPath)) return new GoToolchain(Path.GetFullPath(explicitPath));
            throw NotFound($"The Go toolchain given by OCELOT_GO ('{explicitPath}') does not exist.");
        }
        var name = OperatingSystem.IsWindows() ? "go.exe" : "go";
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder.Trim('"'), name);
            if (File.Exists(candidate)) return new GoToolchain(candidate);
        }
        throw NotFound("The Go toolchain ('go') was not found on PATH.");
    }

    private static OcelotException NotFound(string message) =>
        new(ErrorIds.GoToolchainNotFound, FailureKind.NotInstalled, message,
            "Install Go (https://go.dev/dl/, or your package manager, e.g. 'apt-get install golang-go') and make sure 'go' is on PATH.", "go");

    /// <summary>The Go version that runs in <paramref name="workingDirectory"/> (GOTOOLCHAIN may switch it per module).</summary>
    public async Task<string> VersionAsync(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, CancellationToken cancellationToken)
    {
        var result = await RunAsync(["env", "GOVERSION"], workingDirectory, environment, NullOperationSink.Instance, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0 || string.IsNullOrWhiteSpace(result.StandardOutput))
            throw new OcelotException(ErrorIds.GoToolchainNotFound, FailureKind.NotInstalled,
                $"'{Executable} env GOVERSION' failed: {Tail(result.StandardError)}", "Check the Go installation.", "go");
        return result.StandardOutput.Trim();
    }

    /// <summary>Values of <c>go env</c> variables, in the order asked.</summary>
    public async Task<IReadOnlyList<string>> EnvAsync(IReadOnlyList<string> names, string workingDirectory, CancellationToken cancellationToken)
    {
        var result = await RunAsync(["env", .. names], workingDirectory, null, NullOperationSink.Instance, cancellationToken).ConfigureAwait(false);
        var lines = result.StandardOutput.Replace("\r", string.Empty).Split('\n');
        return names.Select((_, i) => i < lines.Length ? lines[i] : string.Empty).ToList();
    }

    /// <summary>Runs go and returns its exit code and output; each output line also goes to the sink's verbose stream.</summary>
    public async Task<GoCommandResult> RunAsync(IReadOnlyList<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment, IOperationSink sink, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }
        sink.Verbose($"go {string.Join(' ', arguments)}   (in {workingDirectory})");
        using var process = new Process { StartInfo = start };
        var standardOutput = new StringBuilder();
        var standardError = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (standardOutput) standardOutput.AppendLine(e.Data); sink.Verbose(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (standardError) standardError.AppendLine(e.Data); sink.Verbose(e.Data); } };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new OcelotException(ErrorIds.GoToolchainNotFound, FailureKind.NotInstalled,
                $"'{Executable}' could not be started: {ex.Message}", "Check the Go installation.", "go", ex);
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        process.WaitForExit(); // flushes the asynchronous output readers
        return new GoCommandResult(process.ExitCode, standardOutput.ToString(), standardError.ToString());
    }

    /// <summary>The last lines of go's error output, which hold its actual message.</summary>
    public static string Tail(string text, int lines = 25)
    {
        var all = text.Replace("\r", string.Empty).TrimEnd().Split('\n');
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }
}
