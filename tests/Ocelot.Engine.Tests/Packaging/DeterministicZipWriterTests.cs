using System.IO.Compression;
using Ocelot.Engine.Packaging;

namespace Ocelot.Engine.Tests.Packaging;

/// <summary>
/// The zip writer with real files: a rebuild of the same inputs gives the same bytes (so the same CodeSha256 in Lambda),
/// whatever the order the entries come in, the source files' times, or the OS; and Lambda sees the collector as executable.
/// </summary>
public sealed class DeterministicZipWriterTests : IDisposable
{
    private static readonly DateTime FixedTime = new(1980, 1, 1, 0, 0, 0);
    private readonly string _folder = Directory.CreateTempSubdirectory("ocelot-zip-test-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Source(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static byte[] Zip(IEnumerable<DeterministicZipWriter.Entry> entries)
    {
        using var output = new MemoryStream();
        DeterministicZipWriter.Write(output, entries);
        return output.ToArray();
    }

    private DeterministicZipWriter.Entry[] LayerEntries() =>
    [
        DeterministicZipWriter.Entry.Directory("extensions"),
        DeterministicZipWriter.Entry.File("extensions/collector", Source("collector", "#!binary\n" + new string('x', 5000)), executable: true),
        DeterministicZipWriter.Entry.Directory("collector-config"),
        DeterministicZipWriter.Entry.File("collector-config/config.yaml", Source("config.yaml", "receivers:\n  otlp:\n"), executable: false),
    ];

    [Fact]
    public void The_same_entries_give_the_same_bytes_whatever_their_order_and_file_times()
    {
        var entries = LayerEntries();
        var first = Zip(entries);
        foreach (var entry in entries.Where(e => e.SourceFile is not null))
            File.SetLastWriteTimeUtc(entry.SourceFile!, DateTime.UtcNow.AddDays(-3));

        var second = Zip(entries.Reverse());

        Assert.Equal(first, second);
    }

    [Fact]
    public void Different_content_gives_different_bytes()
    {
        var before = Zip(LayerEntries());
        var entries = LayerEntries();
        File.AppendAllText(entries[3].SourceFile!, "exporters: {}\n");

        Assert.NotEqual(before, Zip(entries));
    }

    [Fact]
    public void Entries_are_written_in_ordinal_name_order_with_their_content()
    {
        using var archive = new ZipArchive(new MemoryStream(Zip(LayerEntries())), ZipArchiveMode.Read);

        Assert.Equal(["collector-config/", "collector-config/config.yaml", "extensions/", "extensions/collector"], archive.Entries.Select(e => e.FullName));
        using var reader = new StreamReader(archive.GetEntry("collector-config/config.yaml")!.Open());
        Assert.Equal("receivers:\n  otlp:\n", reader.ReadToEnd());
        Assert.Equal(5009, archive.GetEntry("extensions/collector")!.Length);
    }

    [Fact]
    public void Unix_modes_make_the_collector_and_folders_0755_and_the_config_0644()
    {
        using var archive = new ZipArchive(new MemoryStream(Zip(LayerEntries())), ZipArchiveMode.Read);

        string Mode(string name) => Convert.ToString((archive.GetEntry(name)!.ExternalAttributes >> 16) & 0xFFFF, 8);
        Assert.Equal("100755", Mode("extensions/collector"));
        Assert.Equal("100644", Mode("collector-config/config.yaml"));
        Assert.Equal("40755", Mode("extensions/"));
        Assert.Equal("40755", Mode("collector-config/"));
    }

    [Fact]
    public void Every_entry_has_the_fixed_1980_timestamp()
    {
        using var archive = new ZipArchive(new MemoryStream(Zip(LayerEntries())), ZipArchiveMode.Read);

        Assert.All(archive.Entries, entry => Assert.Equal(FixedTime, entry.LastWriteTime.DateTime));
    }

    [Fact]
    public void The_central_directory_says_made_by_unix_so_unzip_keeps_the_modes()
    {
        var bytes = Zip(LayerEntries());
        var central = IndexOf(bytes, [0x50, 0x4b, 0x01, 0x02]);

        Assert.True(central > 0);
        Assert.Equal(3, bytes[central + 5]); // the high byte of "version made by": 3 is Unix
    }

    [Fact]
    public void A_layer_package_holds_the_collector_and_its_config_and_nothing_else()
    {
        var zip = Path.Combine(_folder, "out", "collector-amd64-minimal.zip");
        LayerPackage.Create(zip, Source("collector", "binary"), Source("config.yaml", "receivers: {}\n"), CancellationToken.None);
        var again = Path.Combine(_folder, "again.zip");
        LayerPackage.Create(again, Path.Combine(_folder, "collector"), Path.Combine(_folder, "config.yaml"), CancellationToken.None);

        using (var archive = ZipFile.OpenRead(zip))
            Assert.Equal(["collector-config/", "collector-config/config.yaml", "extensions/", "extensions/collector"], archive.Entries.Select(e => e.FullName));
        Assert.Equal(File.ReadAllBytes(zip), File.ReadAllBytes(again));
        Assert.Equal(["again.zip", "collector", "config.yaml", "out"], Directory.EnumerateFileSystemEntries(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Writing_stops_when_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => DeterministicZipWriter.Write(new MemoryStream(), LayerEntries(), cancelled.Token));
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i <= haystack.Length - needle.Length; i++)
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle)) return i;
        return -1;
    }
}
