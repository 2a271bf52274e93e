using System.IO.Compression;
using System.Text;

namespace Ocelot.Engine.CollectorConfig;

/// <summary>The collector config a layer zip ships (<c>collector-config/config.yaml</c>), read without extracting.</summary>
public static class ShippedConfig
{
    public const string EntryName = "collector-config/config.yaml";

    // Far larger than a collector config; a bigger entry is not read into memory.
    private const long MaxBytes = 16 << 20;

    /// <summary>The location shown in problems: <c>&lt;zip&gt;!collector-config/config.yaml</c>.</summary>
    public static string DisplayPath(string zipPath) => $"{zipPath}!{EntryName}";

    /// <summary>The config text, or null when the file is not a zip holding the entry.</summary>
    public static string? Read(string zipPath)
    {
        try
        {
            using var zip = ZipFile.OpenRead(zipPath);
            var entry = zip.GetEntry(EntryName);
            if (entry is null || entry.Length > MaxBytes) return null;
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            return reader.ReadToEnd();
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
