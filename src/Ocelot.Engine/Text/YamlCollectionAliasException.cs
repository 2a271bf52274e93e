using YamlDotNet.Core;

namespace Ocelot.Engine.Text;

/// <summary>An alias of a list or mapping where it is refused: anywhere (strict), inside itself, or as a mapping key.</summary>
internal sealed class YamlCollectionAliasException(Mark at, string anchor) : Exception($"alias *{anchor} of a list or mapping")
{
    public Mark At { get; } = at;
    public string Anchor { get; } = anchor;
}
