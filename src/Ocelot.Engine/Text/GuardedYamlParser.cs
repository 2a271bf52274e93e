using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Ocelot.Engine.Text;

/// <summary>
/// A YAML event stream with the limits that keep hostile files from ending the process. YamlDotNet builds its node tree
/// recursively, and hashes mapping keys by their content, so deep nesting, an alias of a collection inside itself (a
/// cycle) or a collection alias used as a mapping key would overflow the stack or take exponential time. Those are
/// refused as the events arrive, before any node is built. It also remembers where the last good event ended, since
/// some scanner errors carry no position.
/// </summary>
internal sealed class GuardedYamlParser(IParser inner, int maximumNesting, bool allowCollectionAliases) : IParser
{
    private readonly HashSet<string> _collectionAnchors = new(StringComparer.Ordinal);
    private readonly HashSet<string> _openAnchors = new(StringComparer.Ordinal);
    private readonly Stack<OpenCollection> _open = new();

    public Mark LastGood { get; private set; } = new(0, 1, 1);

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (inner.Current is { } current) LastGood = current.End;
        if (!inner.MoveNext()) return false;
        switch (inner.Current)
        {
            case AnchorAlias alias:
                if (_collectionAnchors.Contains(alias.Value.Value) &&
                    (!allowCollectionAliases || _openAnchors.Contains(alias.Value.Value) || AtMappingKey()))
                    throw new YamlCollectionAliasException(alias.Start, alias.Value.Value);
                NodeCompleted();
                break;
            case Scalar scalar:
                if (!scalar.Anchor.IsEmpty) _collectionAnchors.Remove(scalar.Anchor.Value);
                NodeCompleted();
                break;
            case NodeEvent collection and (MappingStart or SequenceStart):
                if (_open.Count >= maximumNesting) throw new YamlNestingTooDeepException(collection.Start, maximumNesting);
                var anchor = collection.Anchor.IsEmpty ? null : collection.Anchor.Value;
                if (anchor is not null)
                {
                    _collectionAnchors.Add(anchor);
                    _openAnchors.Add(anchor);
                }
                _open.Push(new OpenCollection(collection is MappingStart, anchor));
                break;
            case MappingEnd or SequenceEnd:
                if (_open.Pop().Anchor is { } closed) _openAnchors.Remove(closed);
                NodeCompleted();
                break;
        }
        return true;
    }

    private bool AtMappingKey() => _open.TryPeek(out var parent) && parent.IsMapping && parent.ExpectingKey;

    private void NodeCompleted()
    {
        if (_open.TryPeek(out var parent) && parent.IsMapping) parent.ExpectingKey = !parent.ExpectingKey;
    }

    private sealed class OpenCollection(bool isMapping, string? anchor)
    {
        public bool IsMapping { get; } = isMapping;
        public string? Anchor { get; } = anchor;
        public bool ExpectingKey { get; set; } = true;
    }
}
