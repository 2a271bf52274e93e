using Ocelot.Module.Tests.Harness;

namespace Ocelot.Module.Tests.Fixtures;

/// <summary>
/// A real tmpfs of a fixed size mounted on a fresh folder (a full disk, or read-only after <see cref="MakeReadOnly"/>).
/// Needs root, as CI has; <see cref="TryMount"/> says why when mounting is not permitted.
/// </summary>
public sealed class TmpfsMount : IDisposable
{
    private TmpfsMount(string path) => Path = path;

    public string Path { get; }

    public static TmpfsMount? TryMount(string size, out string whyNot)
    {
        var folder = Directory.CreateTempSubdirectory("ocelot-tmpfs-").FullName;
        var (code, output) = Run("mount", "-t", "tmpfs", "-o", $"size={size},mode=0777", "tmpfs", folder);
        if (code == 0)
        {
            whyNot = string.Empty;
            return new TmpfsMount(folder);
        }
        Directory.Delete(folder);
        whyNot = $"mount -t tmpfs is not permitted here ({output.Trim()})";
        return null;
    }

    /// <summary>Fills the file system to the last byte.</summary>
    public void Fill()
    {
        using var filler = File.Create(System.IO.Path.Combine(Path, "filler"));
        var block = new byte[4096];
        try { while (true) filler.Write(block); }
        catch (IOException) { }
    }

    public void MakeReadOnly()
    {
        var (code, output) = Run("mount", "-o", "remount,ro", Path);
        if (code != 0) throw new InvalidOperationException("remount,ro failed: " + output);
    }

    public IReadOnlyList<string> Entries() =>
        Directory.GetFileSystemEntries(Path).Select(System.IO.Path.GetFileName).Where(n => n != "filler").Select(n => n!).ToList();

    private static (int, string) Run(string program, params string[] arguments)
    {
        try
        {
            var result = ChildProcess.Run(program, arguments);
            return (result.ExitCode, result.Output + result.Error);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, ex.Message);
        }
    }

    public void Dispose()
    {
        Run("umount", "-l", Path);
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
