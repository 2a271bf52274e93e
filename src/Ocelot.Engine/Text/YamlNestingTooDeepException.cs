using YamlDotNet.Core;

namespace Ocelot.Engine.Text;

/// <summary>Lists and mappings nested deeper than the parser's limit.</summary>
internal sealed class YamlNestingTooDeepException(Mark at, int limit) : Exception($"YAML nested more than {limit} levels deep")
{
    public Mark At { get; } = at;
    public int Limit { get; } = limit;
}
