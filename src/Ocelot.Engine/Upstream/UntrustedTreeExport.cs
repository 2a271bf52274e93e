using Ocelot.Engine.Operations;
using LibGit2Sharp;
using Ocelot.Engine.Failures;

namespace Ocelot.Engine.Upstream;

/// <summary>
/// Writes the tree of an upstream commit, which anyone who can push to a fork controls, into a new folder without
/// ever writing, reading or changing anything outside it. Every path is created fresh (never opened when it already
/// exists), so no write goes through a link; entry names that could step out (<c>..</c>, <c>/</c>) or plant a git
/// repository (<c>.git</c>, which go would run git in) are refused; and every symbolic link must resolve, through
/// the whole chain, to an existing entry of the same tree.
/// </summary>
public static class UntrustedTreeExport
{
    private static readonly UnixFileMode Executable = (UnixFileMode)Convert.ToInt32("755", 8);
    private static readonly UnixFileMode Regular = (UnixFileMode)Convert.ToInt32("644", 8);

    /// <param name="destination">A folder that must not exist yet (its parent must).</param>
    public static void Write(Tree tree, string commit, string destination, CancellationToken cancellationToken)
    {
        if (EntryExists(destination))
            throw new IOException($"The export folder '{destination}' already exists.");
        Directory.CreateDirectory(destination);
        var links = new List<(string GitPath, string FilePath, string Target)>();
        WriteTree(tree, commit, destination, string.Empty, links, cancellationToken);
        var root = ContainedPath.Resolve(destination);
        foreach (var (gitPath, filePath, target) in links)
        {
            var resolved = ContainedPath.Resolve(filePath);
            if (!ContainedPath.IsInside(resolved, root) || !EntryExists(resolved))
                throw Unsafe(commit, gitPath, $"it is a symbolic link to '{target}', which is not a file or folder of the same tree");
        }
    }

    private static void WriteTree(Tree tree, string commit, string folder, string gitFolder,
        List<(string, string, string)> links, CancellationToken cancellationToken)
    {
        foreach (var entry in tree)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var gitPath = gitFolder.Length == 0 ? entry.Name : $"{gitFolder}/{entry.Name}";
            CheckName(entry.Name, commit, gitPath);
            var path = Path.Combine(folder, entry.Name);
            if (EntryExists(path)) throw Unsafe(commit, gitPath, "the tree names this entry twice");
            switch (entry.TargetType)
            {
                case TreeEntryTargetType.Tree:
                    Directory.CreateDirectory(path);
                    WriteTree((Tree)entry.Target, commit, path, gitPath, links, cancellationToken);
                    break;
                case TreeEntryTargetType.Blob when entry.Mode == Mode.SymbolicLink:
                    var target = ((Blob)entry.Target).GetContentText();
                    if (target.Length == 0 || target.Contains('\0') || target.Contains('\\') || Path.IsPathRooted(target) || target.StartsWith('/'))
                        throw Unsafe(commit, gitPath, $"it is a symbolic link to '{Printable(target)}', which is not a path inside the tree");
                    File.CreateSymbolicLink(path, target);
                    links.Add((gitPath, path, target));
                    break;
                case TreeEntryTargetType.Blob:
                    using (var content = ((Blob)entry.Target).GetContentStream())
                    using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
                        content.CopyTo(file);
                    if (!OperatingSystem.IsWindows())
                        File.SetUnixFileMode(path, entry.Mode == Mode.ExecutableFile ? Executable : Regular);
                    break;
                // Submodules (GitLink) are not part of the collector build.
            }
        }
    }

    private static void CheckName(string name, string commit, string gitPath)
    {
        if (name.Length == 0 || name is "." or ".." || name.IndexOfAny(['/', '\\', '\0']) >= 0 || name.Any(char.IsControl))
            throw Unsafe(commit, gitPath, "its name is empty, '.', '..' or holds a path separator or control character");
        // '.git' in any case, and the spellings Windows and macOS file systems treat as the same name.
        var folded = name.TrimEnd('.', ' ').Replace("\u200c", string.Empty).Replace("\u200d", string.Empty);
        if (folded.Equals(".git", StringComparison.OrdinalIgnoreCase) || folded.Equals("git~1", StringComparison.OrdinalIgnoreCase))
            throw Unsafe(commit, gitPath, "a tree may not hold a '.git' entry (go would run git with that repository's configuration)");
    }

    /// <summary>True when anything is at <paramref name="path"/>, a dangling link included.</summary>
    public static bool EntryExists(string path) =>
        File.Exists(path) || Directory.Exists(path) || new FileInfo(path).LinkTarget is not null;

    private static string Printable(string text) =>
        new(text.Select(c => char.IsControl(c) ? '?' : c).Take(200).ToArray());

    private static OcelotException Unsafe(string commit, string gitPath, string why) =>
        new(ErrorIds.UpstreamTreeUnsafe, FailureKind.InvalidData,
            $"Upstream commit {commit} cannot be built: the tree entry '{Printable(gitPath)}' is refused because {why}.",
            "Build a commit of a repository you trust; nothing was written outside the build folder.", Printable(gitPath));
}
