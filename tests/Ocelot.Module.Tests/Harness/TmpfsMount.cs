using System.Diagnostics;

namespace Ocelot.Module.Tests.Harness;

/// <summary>A real tmpfs mounted for one test (CI and these machines run as root): a disk that is really full, or really read-only.</summary>
public sealed class TmpfsMount : IDisposable
{
    public TmpfsMount(int kilobytes)
    {
        Path = Directory.CreateTempSubdirectory("ocelot-tmpfs-").FullName;
        Run("mount", "-t", "tmpfs", "-o", $"size={kilobytes}k,mode=0755", "tmpfs", Path);
    }

    public string Path { get; }

    /// <summary>Fills the file system to its last byte.</summary>
    public void Fill()
    {
        using var filler = new FileStream(System.IO.Path.Combine(Path, "filler"), FileMode.Create);
        var block = new byte[4096];
        try
        {
            while (true) filler.Write(block);
        }
        catch (IOException)
        {
            // ENOSPC: full.
        }
    }

    public void RemountReadOnly() => Run("mount", "-o", "remount,ro", Path);

    private static void Run(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed: {error}");
    }

    public void Dispose()
    {
        Run("umount", Path);
        Directory.Delete(Path);
    }
}
