using System.Buffers.Binary;
using System.IO.Compression;
using Ocelot.Engine.Failures;
using Ocelot.Engine.Packaging;

namespace Ocelot.Engine.Tests.Packaging;

/// <summary>Crafted zips that Lambda would take but that could not run, or could write outside /opt: each is refused before any AWS call.</summary>
public sealed class LayerZipInspectionTests : IDisposable
{
    private const int Executable = 0b111_101_101; // 0755
    private readonly string _folder = Directory.CreateTempSubdirectory("ocelot-zipcheck-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    internal static byte[] Elf(ushort machine, byte elfClass = 2, byte data = 1, ushort type = 2, int extra = 256)
    {
        var bytes = new byte[64 + extra];
        bytes[0] = 0x7F; bytes[1] = (byte)'E'; bytes[2] = (byte)'L'; bytes[3] = (byte)'F';
        bytes[4] = elfClass; bytes[5] = data; bytes[6] = 1;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(16), type);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(18), machine);
        return bytes;
    }

    private sealed record Entry(string Name, byte[] Content, int Mode = 0b110_100_100, bool Directory = false);

    private string Zip(params Entry[] entries)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".zip");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var entry in entries)
        {
            var created = zip.CreateEntry(entry.Name, CompressionLevel.Fastest);
            created.ExternalAttributes = ((entry.Directory ? 0x4000 : 0x8000) | entry.Mode) << 16;
            using var stream = created.Open();
            stream.Write(entry.Content);
        }
        return path;
    }

    private static Entry Collector(ushort machine = 62) => new("extensions/collector", Elf(machine), Executable);
    private static Entry Config => new("collector-config/config.yaml", "receivers: {}\n"u8.ToArray());

    private static OcelotException Refused(string path, string? architecture = "amd64") =>
        Assert.Throws<OcelotException>(() => LayerZipInspection.Inspect(path, architecture));

    [Fact]
    public void A_zip_shaped_like_a_built_layer_passes_for_its_architecture()
    {
        var amd64 = LayerZipInspection.Inspect(Zip(new Entry("extensions/", [], Executable, true), Collector(), Config), "amd64");
        Assert.True(amd64.HasConfig);
        var arm64 = LayerZipInspection.Inspect(Zip(Collector(183)), "arm64");
        Assert.False(arm64.HasConfig);
        Assert.Equal("amd64", LayerZipInspection.Inspect(Zip(Collector()), null).Architecture);
    }

    [Fact]
    public void The_hosts_own_executable_is_recognised_as_amd64_elf() // CI and these machines are x86-64
    {
        var path = Zip(new Entry("extensions/collector", File.ReadAllBytes("/usr/bin/env"), Executable));
        LayerZipInspection.Inspect(path, "amd64");
        Assert.Contains("built for amd64", Refused(path, "arm64").Message);
    }

    [Theory]
    [InlineData((ushort)62, "arm64", "built for amd64")]
    [InlineData((ushort)183, "amd64", "built for arm64")]
    [InlineData((ushort)40, "amd64", "ELF machine 40")] // 32-bit ARM
    [InlineData((ushort)3, "amd64", "ELF machine 3")]   // i386
    public void A_collector_for_another_machine_than_declared_is_refused_naming_both(ushort machine, string declared, string expected)
    {
        var failure = Refused(Zip(Collector(machine)), declared);
        Assert.Equal(ErrorIds.LayerZipInvalid, failure.ErrorId);
        Assert.Contains(expected, failure.Message);
        Assert.Contains($"declared {declared}", failure.Message);
    }

    public static TheoryData<string, byte[]> NotElfExecutables => new()
    {
        { "a shell script", "#!/bin/sh\necho hi\n"u8.ToArray() },
        { "empty", [] },
        { "a truncated header", Elf(62)[..12] },
        { "a 32-bit ELF", Elf(62, elfClass: 1) },
        { "a big-endian ELF", Elf(62, data: 2) },
        { "a relocatable object", Elf(62, type: 1) },
        { "a core dump", Elf(62, type: 4) },
        { "a Windows executable", "MZ\x90\0\x03\0\0\0"u8.ToArray() },
    };

    [Theory]
    [MemberData(nameof(NotElfExecutables))]
    public void A_collector_that_is_not_an_elf_executable_is_refused(string what, byte[] content)
    {
        var failure = Refused(Zip(new Entry("extensions/collector", content, Executable)));
        Assert.True(failure.ErrorId == ErrorIds.LayerZipInvalid, what);
        Assert.Contains("extensions/collector", failure.Message);
        Assert.Equal(FailureKind.InvalidData, failure.Kind);
    }

    [Fact]
    public void A_collector_without_the_executable_bit_is_refused()
    {
        var failure = Refused(Zip(new Entry("extensions/collector", Elf(62), 0b110_100_100)));
        Assert.Contains("not marked executable (mode 644)", failure.Message);
    }

    [Fact]
    public void A_collector_that_is_a_folder_or_a_symlink_is_refused()
    {
        Assert.Contains("is a folder", Refused(Zip(new Entry("extensions/collector/", [], Executable, true))).Message);
        var link = Zip(new Entry("extensions/collector", "/usr/bin/env"u8.ToArray(), 0b111_111_111) { });
        using (var zip = ZipFile.Open(link, ZipArchiveMode.Update))
            zip.GetEntry("extensions/collector")!.ExternalAttributes = (0xA000 | 0b111_111_111) << 16;
        Assert.Contains("symbolic link", Refused(link).Message);
    }

    [Theory]
    [InlineData("extensions/collector.bak")]
    [InlineData("collector")]
    [InlineData("Extensions/Collector")]
    [InlineData("opt/extensions/collector")]
    public void A_zip_without_extensions_collector_is_refused(string misplaced)
    {
        var failure = Refused(Zip(new Entry(misplaced, Elf(62), Executable), Config));
        Assert.Contains("has no 'extensions/collector'", failure.Message);
    }

    [Fact]
    public void A_config_that_is_a_folder_or_a_link_is_refused()
    {
        Assert.Contains("is a folder", Refused(Zip(Collector(), new Entry("collector-config/config.yaml/", [], Executable, true))).Message);
        var link = Zip(Collector(), Config);
        using (var zip = ZipFile.Open(link, ZipArchiveMode.Update))
            zip.GetEntry("collector-config/config.yaml")!.ExternalAttributes = (0xA000 | 0b111_111_111) << 16;
        Assert.Contains("not a regular file", Refused(link).Message);
    }

    [Theory]
    [InlineData("../../etc/cron.d/evil")]
    [InlineData("extensions/../../outside")]
    [InlineData("/etc/passwd")]
    [InlineData("..\\windows\\evil")]
    [InlineData("C:/evil")]
    [InlineData("collector-config/..")]
    public void An_entry_that_is_absolute_or_climbs_out_is_refused_whatever_else_is_right(string name)
    {
        var failure = Refused(Zip(Collector(), Config, new Entry(name, "x"u8.ToArray())));
        Assert.Equal(ErrorIds.LayerZipInvalid, failure.ErrorId);
        Assert.Contains("absolute or climbs out", failure.Message);
    }

    [Fact]
    public void A_zip_over_lambdas_unzipped_limit_is_refused_and_one_at_the_limit_passes()
    {
        var filler = (int)(LayerZipInspection.UnzippedSizeLimit / 2);
        var collectorBytes = Elf(62).Length;
        var atLimit = Zip(Collector(), new Entry("a.bin", new byte[filler]), new Entry("b.bin", new byte[filler - collectorBytes]));
        Assert.Equal(LayerZipInspection.UnzippedSizeLimit, LayerZipInspection.Inspect(atLimit, "amd64").UnzippedSize);
        var over = Zip(Collector(), new Entry("a.bin", new byte[filler]), new Entry("b.bin", new byte[filler - collectorBytes + 1]));
        var failure = Refused(over);
        Assert.Equal(ErrorIds.LayerZipTooLargeUnzipped, failure.ErrorId);
        Assert.Equal(FailureKind.LimitsExceeded, failure.Kind);
        Assert.Contains("262144000", failure.Message);
    }

    [Theory]
    [InlineData("not a zip at all")]
    [InlineData("PK\u0003\u0004 truncated")]
    [InlineData("")]
    public void A_file_that_is_not_a_zip_is_refused_with_the_path(string content)
    {
        var path = Path.Combine(_folder, "bad.zip");
        File.WriteAllText(path, content);
        var failure = Refused(path);
        Assert.Equal(ErrorIds.LayerZipInvalid, failure.ErrorId);
        Assert.Equal(path, failure.Target);
        Assert.Contains("not a readable zip", failure.Message);
    }

    [Fact]
    public void A_zip_cut_short_is_refused()
    {
        var path = Zip(Collector(), Config);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        Assert.Equal(ErrorIds.LayerZipInvalid, Refused(path).ErrorId);
    }
}
