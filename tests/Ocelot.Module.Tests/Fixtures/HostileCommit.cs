using System.Text;
using Ocelot.Module.Tests.Harness;

namespace Ocelot.Module.Tests.Fixtures;

/// <summary>
/// Commits that no porcelain would make: trees written byte by byte with <c>git hash-object --literally</c>, so they
/// can hold entries named <c>..</c> or <c>.git</c>, duplicate names and symbolic links anywhere.
/// </summary>
public sealed class HostileCommit(string repository)
{
    public const string Tree = "40000";
    public const string File = "100644";
    public const string Link = "120000";

    public sealed record Entry(string Mode, string Name, string Sha);

    public string Blob(string content) => Git(Encoding.UTF8.GetBytes(content), "hash-object", "-w", "--stdin").Trim();

    public Entry FileEntry(string name, string content) => new(File, name, Blob(content));

    public Entry LinkEntry(string name, string target) => new(Link, name, Blob(target));

    public Entry TreeEntry(string name, params Entry[] entries) => new(Tree, name, WriteTree(entries));

    /// <summary>The entries of the tree at <paramref name="path"/> (slash-separated, empty for the root) of HEAD.</summary>
    public List<Entry> EntriesAt(string path)
    {
        var listing = Git([], "ls-tree", "-z", path.Length == 0 ? "HEAD^{tree}" : $"HEAD:{path}");
        return listing.Split('\0', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            var (meta, name) = (line[..line.IndexOf('\t')], line[(line.IndexOf('\t') + 1)..]);
            var parts = meta.Split(' ');
            return new Entry(parts[0] == "040000" ? Tree : parts[0], name, parts[2]);
        }).ToList();
    }

    /// <summary>The raw tree object, entries in the order given (git's own order is not enforced).</summary>
    public string WriteTree(IEnumerable<Entry> entries)
    {
        var bytes = new MemoryStream();
        foreach (var entry in entries)
        {
            bytes.Write(Encoding.UTF8.GetBytes($"{entry.Mode} {entry.Name}\0"));
            bytes.Write(Convert.FromHexString(entry.Sha));
        }
        return Git(bytes.ToArray(), "hash-object", "-t", "tree", "--literally", "-w", "--stdin").Trim();
    }

    /// <summary>
    /// A commit on branch <paramref name="branch"/> whose tree is HEAD's with the tree at <paramref name="path"/>
    /// changed by <paramref name="edit"/>; returns the branch name.
    /// </summary>
    public string CommitEdit(string branch, string path, Func<List<Entry>, IEnumerable<Entry>> edit)
    {
        var sha = WriteTree(edit(EntriesAt(path)));
        var parts = path.Length == 0 ? [] : path.Split('/');
        for (var depth = parts.Length - 1; depth >= 0; depth--)
        {
            var parent = string.Join('/', parts.Take(depth));
            var name = parts[depth];
            var entries = EntriesAt(parent).Select(e => e.Name == name ? e with { Sha = sha } : e).ToList();
            sha = WriteTree(entries);
        }
        var commit = Git([], "-c", "user.name=fixture", "-c", "user.email=fixture@example.invalid", "commit-tree", sha, "-p", "HEAD", "-m", "hostile").Trim();
        Git([], "update-ref", $"refs/heads/{branch}", commit);
        return branch;
    }

    private string Git(byte[] input, params string[] arguments) =>
        ChildProcess.RunChecked("git", arguments, repository, new Dictionary<string, string?> { ["GIT_CONFIG_NOSYSTEM"] = "1" }, input);
}
