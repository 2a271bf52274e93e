namespace Ocelot.Engine.Operations;

/// <summary>
/// Real paths (every symbolic link of every component followed, as the kernel does) and containment, so a link
/// planted in an input cannot bring a file from elsewhere on the host. .NET has no realpath, hence the walk.
/// </summary>
public static class ContainedPath
{
    // Linux's own limit on links followed while resolving one path (MAXSYMLINKS).
    private const int MaximumLinks = 40;

    /// <summary>The path with every link resolved; components that do not exist are kept as they are.</summary>
    public static string Resolve(string path)
    {
        var pending = new Stack<string>(Path.GetFullPath(path).Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).AsEnumerable().Reverse());
        var root = Path.GetPathRoot(Path.GetFullPath(path)) ?? Path.DirectorySeparatorChar.ToString();
        if (OperatingSystem.IsWindows() && pending.Count > 0) pending.Pop();
        var current = root;
        var links = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".") continue;
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? root;
                continue;
            }
            var next = Path.Combine(current, part);
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                current = next;
                continue;
            }
            if (++links > MaximumLinks) throw new IOException($"Too many levels of symbolic links resolving '{path}'.");
            if (Path.IsPathRooted(target)) current = root;
            foreach (var piece in target.Split(['/', Path.DirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries).AsEnumerable().Reverse())
                pending.Push(piece);
            if (Path.IsPathRooted(target) && OperatingSystem.IsWindows() && pending.Count > 0)
            {
                current = Path.GetPathRoot(target) ?? root;
                pending.Pop();
            }
        }
        return current;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or below it (both real paths).</summary>
    public static bool IsInside(string path, string folder)
    {
        var comparison = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        var prefix = folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar;
        return path.Equals(folder, comparison) || path.StartsWith(prefix, comparison);
    }
}
