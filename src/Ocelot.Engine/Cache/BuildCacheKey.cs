using System.Security.Cryptography;
using System.Text;

namespace Ocelot.Engine.Cache;

/// <summary>
/// A hash of every input that can change a layer's bytes. Inputs are added as named lines, so the key is easy to
/// reason about (and to print with -Verbose when a build unexpectedly misses the cache).
/// </summary>
public sealed class BuildCacheKey
{
    private readonly StringBuilder _text = new();

    public BuildCacheKey Add(string name, string? value)
    {
        _text.Append(name).Append('=').Append(value?.Replace("\n", "\\n") ?? "<none>").Append('\n');
        return this;
    }

    public BuildCacheKey AddFile(string name, string path) => Add(name, Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))));

    public string Text => _text.ToString();

    public string Value => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(_text.ToString())))[..32].ToLowerInvariant();
}
