using System.IO.Compression;
using System.Text;

namespace Ocelot.Module.Tests.Fixtures;

/// <summary>
/// Offline stand-ins for the network: a Go module proxy on disk built from <c>gomodules/</c>, and a git repository
/// built from <c>upstream/</c> (a miniature opentelemetry-lambda). See README.md beside this file.
/// </summary>
public static class GoFixture
{
    public const string CollectorVersion = "v0.158.0";
    public const string UpstreamTag = "v0.158.0-fixture";

    // Fixed times keep the proxy files and the commit SHA identical from run to run.
    private static readonly DateTimeOffset FixedTime = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private const string FixedGitDate = "2025-01-01T00:00:00+00:00";

    private static readonly Lazy<string> sourceFolder = new(FindSourceFolder);

    /// <summary>This Fixtures folder in the repository (found from the test binaries, which run under bin/).</summary>
    public static string SourceFolder => sourceFolder.Value;

    public static string UpstreamFolder => Path.Combine(SourceFolder, "upstream");

    public static string ModulesFolder => Path.Combine(SourceFolder, "gomodules");

    /// <summary>Every fixture module as (module path, version, source folder), in a stable order.</summary>
    public static IReadOnlyList<(string Module, string Version, string Folder)> Modules()
    {
        var modules = new List<(string, string, string)>();
        void Walk(string folder)
        {
            foreach (var child in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(child);
                var at = name.IndexOf('@');
                if (at < 0) { Walk(child); continue; }
                var parent = Path.GetRelativePath(ModulesFolder, folder).Replace('\\', '/');
                var module = parent == "." ? name[..at] : $"{parent}/{name[..at]}";
                modules.Add((module, name[(at + 1)..], child));
            }
        }
        Walk(ModulesFolder);
        return modules;
    }

    /// <summary>Writes the GOPROXY file layout (<c>&lt;module&gt;/@v/list|.info|.mod|.zip</c>) for every fixture module.</summary>
    public static void WriteModuleProxy(string proxyFolder)
    {
        foreach (var group in Modules().GroupBy(m => m.Module, StringComparer.Ordinal))
        {
            var versionFolder = Path.Combine(proxyFolder, EscapePath(group.Key), "@v");
            Directory.CreateDirectory(versionFolder);
            var versions = group.Select(m => m.Version).Order(StringComparer.Ordinal).ToList();
            File.WriteAllText(Path.Combine(versionFolder, "list"), string.Concat(versions.Select(v => v + "\n")));
            foreach (var (module, version, folder) in group)
            {
                var file = Path.Combine(versionFolder, EscapePath(version));
                File.WriteAllText(file + ".info", $"{{\"Version\":\"{version}\",\"Time\":\"2025-01-01T00:00:00Z\"}}");
                File.Copy(Path.Combine(folder, "go.mod"), file + ".mod", overwrite: true);
                WriteModuleZip(file + ".zip", $"{module}@{version}/", folder);
            }
        }
    }

    private static void WriteModuleZip(string zipPath, string prefix, string folder)
    {
        using var stream = new FileStream(zipPath, FileMode.Create, FileAccess.Write);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create);
        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        foreach (var relative in files)
        {
            var entry = zip.CreateEntry(prefix + relative, CompressionLevel.Optimal);
            entry.LastWriteTime = FixedTime;
            using var source = File.OpenRead(Path.Combine(folder, relative));
            using var target = entry.Open();
            source.CopyTo(target);
        }
    }

    // Module proxies spell upper-case letters as '!' plus the lower-case letter (case-insensitive file systems).
    private static string EscapePath(string path)
    {
        var escaped = new StringBuilder();
        foreach (var c in path)
        {
            if (char.IsAsciiLetterUpper(c)) escaped.Append('!').Append(char.ToLowerInvariant(c));
            else escaped.Append(c == '/' ? Path.DirectorySeparatorChar : c);
        }
        return escaped.ToString();
    }

    /// <summary>
    /// Copies <c>upstream/</c> into <paramref name="folder"/>, lets <paramref name="customize"/> edit it, commits it on
    /// branch <c>main</c>, tags it <see cref="UpstreamTag"/> and returns the commit SHA.
    /// </summary>
    public static string CreateUpstreamRepository(string folder, Action<string>? customize = null)
    {
        CopyFolder(UpstreamFolder, folder);
        customize?.Invoke(folder);
        Git(folder, "init", "-q", "-b", "main");
        Git(folder, "add", "-A");
        Git(folder, "commit", "-q", "-m", "Fixture upstream");
        Git(folder, "tag", UpstreamTag);
        return Git(folder, "rev-parse", "HEAD").Trim();
    }

    /// <summary>Runs git with a configuration independent of the user's (no signing, no line-ending rewrites).</summary>
    public static string Git(string workingDirectory, params string[] arguments)
    {
        var environment = new Dictionary<string, string>
        {
            ["GIT_AUTHOR_DATE"] = FixedGitDate,
            ["GIT_COMMITTER_DATE"] = FixedGitDate,
            ["GIT_CONFIG_NOSYSTEM"] = "1",
        };
        string[] configuration =
        [
            "-c", "user.name=fixture", "-c", "user.email=fixture@example.invalid", "-c", "commit.gpgsign=false",
            "-c", "tag.gpgsign=false", "-c", "core.autocrlf=false",
        ];
        return Run("git", [.. configuration, .. arguments], workingDirectory, environment);
    }

    /// <summary>The environment that makes <c>go</c> resolve modules from <paramref name="proxyFolder"/> only.</summary>
    public static IReadOnlyDictionary<string, string> GoEnvironment(string proxyFolder, string modCache) =>
        new Dictionary<string, string>
        {
            ["GOPROXY"] = new Uri(Path.GetFullPath(proxyFolder)).AbsoluteUri,
            ["GOSUMDB"] = "off",
            ["GONOSUMDB"] = "*",
            ["GOPRIVATE"] = string.Empty,
            // -modcacherw: the module cache is otherwise read-only and a test could not delete its folder.
            ["GOFLAGS"] = "-mod=mod -modcacherw",
            ["GOMODCACHE"] = Path.GetFullPath(modCache),
            ["GOTOOLCHAIN"] = "local",
            ["GOWORK"] = "off",
            ["GO111MODULE"] = "on",
        };

    /// <summary>Runs go with <paramref name="environment"/> added to the inherited one; returns its standard output.</summary>
    public static string RunGo(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        Run("go", arguments, workingDirectory, environment);

    /// <summary>Runs a program from PATH with an argument list and throws with its error output when it fails.</summary>
    public static string Run(string program, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment = null) =>
        ChildProcess.RunChecked(program, arguments, workingDirectory, environment?.ToDictionary(e => e.Key, e => (string?)e.Value));

    private static void CopyFolder(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }

    private static string FindSourceFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Ocelot.psd1")))
                return Path.Combine(folder.FullName, "tests", "Ocelot.Module.Tests", "Fixtures");
        }
        throw new DirectoryNotFoundException($"No folder above '{AppContext.BaseDirectory}' holds Ocelot.psd1.");
    }
}
