using System.Text.Json;
using Ocelot.Engine.Failures;
using Ocelot.Engine.Packaging;

namespace Ocelot.Engine.Cache;

/// <summary>
/// Built layer zips by cache key: <c>&lt;cache&gt;/artifacts/&lt;key&gt;/{layer.zip,artifact.json}</c>. An entry appears
/// by renaming a complete folder into place, so a reader never sees half an entry and concurrent writers of the
/// same key both succeed.
/// </summary>
public sealed class ArtifactCache(string cacheFolder)
{
    private const string ZipName = "layer.zip";
    private const string MetadataName = "artifact.json";

    /// <summary>
    /// The shape of artifact.json, part of every cache key: entries written before the engine stored the model
    /// artifact itself (components as kind.name strings) are rebuilt, never read.
    /// </summary>
    public const string Format = "2";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    private string EntryFolder(string key) => Path.Combine(cacheFolder, "artifacts", key);

    /// <summary>The cached artifact, when its zip is present and intact.</summary>
    public (OcelotLayerArtifact Artifact, string ZipPath)? TryGet(string key)
    {
        var folder = EntryFolder(key);
        var zip = Path.Combine(folder, ZipName);
        var metadata = Path.Combine(folder, MetadataName);
        if (!File.Exists(zip) || !File.Exists(metadata) || new FileInfo(folder).LinkTarget is not null) return null;
        try
        {
            var artifact = JsonSerializer.Deserialize<OcelotLayerArtifact>(File.ReadAllText(metadata));
            if (artifact is null || new FileInfo(zip).Length != artifact.Size || LayerPackage.Digest(zip).Sha256 != artifact.Sha256) return null;
            return (artifact, zip);
        }
        catch (Exception ex) when (ex is JsonException or IOException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>
    /// Creates the entry: <paramref name="writeZip"/> writes the zip into the path it is given, which is then copied to
    /// <paramref name="outputPath"/>. A valid entry already there (from a concurrent build) is left alone, since
    /// another build may be reading it; only a damaged one is replaced.
    /// </summary>
    public OcelotLayerArtifact Store(string key, string outputPath, Func<string, OcelotLayerArtifact> writeZip)
    {
        var final = EntryFolder(key);
        var staging = final + $".{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        Directory.CreateDirectory(staging);
        try
        {
            var artifact = writeZip(Path.Combine(staging, ZipName));
            CopyToOutput(Path.Combine(staging, ZipName), outputPath, artifact.Sha256);
            File.WriteAllText(Path.Combine(staging, MetadataName), JsonSerializer.Serialize(artifact, Json));
            // Something that is not a folder where the entry belongs (a file, a link) is damage, never followed.
            if (File.Exists(final) || new FileInfo(final).LinkTarget is not null) File.Delete(final);
            if (Directory.Exists(final) && TryGet(key) is null)
            {
                var damaged = final + $".{Guid.NewGuid():N}.damaged";
                try { Directory.Move(final, damaged); Directory.Delete(damaged, recursive: true); }
                catch (IOException) { }
            }
            if (!Directory.Exists(final))
            {
                try { Directory.Move(staging, final); }
                catch (IOException) when (Directory.Exists(final)) { } // another build stored the same key a moment ago
            }
            return artifact;
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>Copies a cached zip to its output path through a temporary file, unless an identical file is there.</summary>
    public static void CopyToOutput(string cachedZip, string destination, string sha256)
    {
        if (File.Exists(destination) && new FileInfo(destination).Length == new FileInfo(cachedZip).Length && LayerPackage.Digest(destination).Sha256 == sha256)
            return;
        var folder = Path.GetDirectoryName(destination)!;
        var temporary = destination + $".{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(folder);
            File.Copy(cachedZip, temporary);
            File.Move(temporary, destination, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw StorageFailure.Translate(ex, folder, $"write the layer zip '{destination}'");
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>
    /// The most recently built cached artifact that <paramref name="matches"/> (read from its artifact.json only; the zip
    /// is not checked), or null. Lets a check before a build use what the last build of a distribution compiled.
    /// </summary>
    public OcelotLayerArtifact? Newest(Func<OcelotLayerArtifact, bool> matches)
    {
        var folder = Path.Combine(cacheFolder, "artifacts");
        if (!Directory.Exists(folder)) return null;
        var entries = Directory.EnumerateFiles(folder, MetadataName, SearchOption.AllDirectories)
            .Select(f => new FileInfo(f))
            .OrderByDescending(f => f.LastWriteTimeUtc);
        foreach (var entry in entries)
        {
            try
            {
                if (entry.Length > 1 << 20) continue;
                if (JsonSerializer.Deserialize<OcelotLayerArtifact>(File.ReadAllText(entry.FullName)) is { } artifact && matches(artifact)) return artifact;
            }
            catch (Exception ex) when (ex is JsonException or IOException or NotSupportedException) { }
        }
        return null;
    }
}
