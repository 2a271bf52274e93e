using System.Text;

namespace Ocelot.Engine.Overlay;

/// <summary>
/// A parsed <c>//go:build</c> expression, evaluated against a set of active tags the way the Go toolchain does, so
/// Ocelot decides which files compile with Go's own rule rather than by matching file names. Finding the line and
/// parsing it follow go/build (parseFileHeader) and go/build/constraint (exprParser) step for step; a differential
/// test holds them to Go's own answers.
/// </summary>
public abstract class BuildConstraint
{
    /// <summary>
    /// Parentheses and negations nested deeper than this are refused (Go itself has no limit; no real constraint comes
    /// close), so hostile input cannot exhaust the stack. Chains of <c>&amp;&amp;</c> and <c>||</c> are flat lists.
    /// </summary>
    public const int MaximumNesting = 100;

    private const string GoBuildPrefix = "//go:build";

    public abstract bool Evaluate(IReadOnlySet<string> activeTags);

    /// <summary>Every tag the expression names, in order of appearance.</summary>
    public abstract IEnumerable<string> Tags { get; }

    /// <summary>
    /// Finds the <c>//go:build</c> line of a Go source file as go/build does: a line comment (after trimming) that is
    /// <c>//go:build</c> followed by white space or nothing, outside any <c>/* */</c> comment, in the header of
    /// comments and blank lines before the first other text. Null when there is none; more than one is an error.
    /// </summary>
    public static BuildConstraint? FromGoSource(string source, string fileNameForErrors)
    {
        string? goBuild = null;
        var goBuildLine = 0;
        var inSlashStar = false;
        var lines = source.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].Trim();
            if (line.Length == 0) continue;
            if (!inSlashStar && IsGoBuildComment(line))
            {
                if (goBuild is not null)
                    throw new FormatException($"{fileNameForErrors}:{index + 1}: multiple //go:build comments");
                (goBuild, goBuildLine) = (line, index + 1);
            }
            if (!IsCommentOnly(line, ref inSlashStar)) break;
        }
        if (goBuild is null) return null;
        try
        {
            return Parse(goBuild.Trim()[GoBuildPrefix.Length..]);
        }
        catch (FormatException ex)
        {
            throw new FormatException($"{fileNameForErrors}:{goBuildLine}: {ex.Message}", ex);
        }
    }

    private static bool IsGoBuildComment(string line)
    {
        if (!line.StartsWith(GoBuildPrefix, StringComparison.Ordinal)) return false;
        var rest = line[GoBuildPrefix.Length..];
        return rest.Length == 0 || char.IsWhiteSpace(rest[0]);
    }

    /// <summary>True when the line holds only comments (tracking an open <c>/*</c> across lines).</summary>
    private static bool IsCommentOnly(string line, ref bool inSlashStar)
    {
        while (line.Length > 0)
        {
            if (inSlashStar)
            {
                var end = line.IndexOf("*/", StringComparison.Ordinal);
                if (end < 0) return true;
                inSlashStar = false;
                line = line[(end + 2)..].Trim();
                continue;
            }
            if (line.StartsWith("//", StringComparison.Ordinal)) return true;
            if (!line.StartsWith("/*", StringComparison.Ordinal)) return false;
            inSlashStar = true;
            line = line[2..].Trim();
        }
        return true;
    }

    /// <summary>Parses the expression after <c>//go:build</c>.</summary>
    public static BuildConstraint Parse(string expression)
    {
        var parser = new Parser(expression.Trim());
        var result = parser.ParseOr();
        if (parser.Token.Length != 0) throw parser.Error($"unexpected token {parser.Token}");
        return result;
    }

    /// <summary>What Go accepts in a tag: Unicode letters and digits, '_' and '.'.</summary>
    public static bool IsTagRune(Rune rune) => Rune.IsLetter(rune) || Rune.IsDigit(rune) || rune.Value == '_' || rune.Value == '.';

    private sealed class Tag(string name) : BuildConstraint
    {
        public override bool Evaluate(IReadOnlySet<string> activeTags) => activeTags.Contains(name);
        public override IEnumerable<string> Tags => [name];
        public override string ToString() => name;
    }

    private sealed class Not(BuildConstraint operand) : BuildConstraint
    {
        public override bool Evaluate(IReadOnlySet<string> activeTags) => !operand.Evaluate(activeTags);
        public override IEnumerable<string> Tags => operand.Tags;
        public override string ToString() => $"!{operand}";
    }

    private sealed class And(IReadOnlyList<BuildConstraint> operands) : BuildConstraint
    {
        public override bool Evaluate(IReadOnlySet<string> activeTags) => operands.All(o => o.Evaluate(activeTags));
        public override IEnumerable<string> Tags => operands.SelectMany(o => o.Tags);
        public override string ToString() => $"({string.Join(" && ", operands)})";
    }

    private sealed class Or(IReadOnlyList<BuildConstraint> operands) : BuildConstraint
    {
        public override bool Evaluate(IReadOnlySet<string> activeTags) => operands.Any(o => o.Evaluate(activeTags));
        public override IEnumerable<string> Tags => operands.SelectMany(o => o.Tags);
        public override string ToString() => $"({string.Join(" || ", operands)})";
    }

    /// <summary>go/build/constraint's exprParser: one token of lookahead in <see cref="Token"/>.</summary>
    private sealed class Parser(string text)
    {
        private int _next;
        private int _depth;
        private bool _isTag;
        private int _position;

        public string Token { get; private set; } = string.Empty;

        public FormatException Error(string message) => new($"{message} at offset {_position} in build constraint '{text}'");

        public BuildConstraint ParseOr()
        {
            var operands = new List<BuildConstraint> { ParseAnd() };
            while (Token == "||") operands.Add(ParseAnd());
            return operands.Count == 1 ? operands[0] : new Or(operands);
        }

        private BuildConstraint ParseAnd()
        {
            var operands = new List<BuildConstraint> { ParseNot() };
            while (Token == "&&") operands.Add(ParseNot());
            return operands.Count == 1 ? operands[0] : new And(operands);
        }

        private BuildConstraint ParseNot()
        {
            if (++_depth > MaximumNesting) throw Error($"nested more than {MaximumNesting} levels deep");
            try
            {
                Lex();
                if (Token != "!") return ParseAtom();
                Lex();
                if (Token == "!") throw Error("double negation not allowed");
                return new Not(ParseAtom());
            }
            finally
            {
                _depth--;
            }
        }

        private BuildConstraint ParseAtom()
        {
            if (Token == "(")
            {
                var open = _position;
                BuildConstraint inner;
                try
                {
                    inner = ParseOr();
                }
                catch (FormatException ex) when (ex.Message.StartsWith("unexpected end of expression", StringComparison.Ordinal))
                {
                    throw new FormatException($"missing close paren at offset {open} in build constraint '{text}'", ex);
                }
                if (Token != ")")
                {
                    _position = open;
                    throw Error("missing close paren");
                }
                Lex();
                return inner;
            }
            if (!_isTag) throw Error(Token.Length == 0 ? "unexpected end of expression" : $"unexpected token {Token}");
            var name = Token;
            Lex();
            return new Tag(name);
        }

        private void Lex()
        {
            _isTag = false;
            while (_next < text.Length && text[_next] is ' ' or '\t') _next++;
            if (_next >= text.Length)
            {
                (Token, _position) = (string.Empty, _next);
                return;
            }
            var c = text[_next];
            if (c is '(' or ')' or '!')
            {
                (Token, _position) = (c.ToString(), _next);
                _next++;
                return;
            }
            if (c is '&' or '|')
            {
                if (_next + 1 >= text.Length || text[_next + 1] != c)
                {
                    _position = _next;
                    throw Error($"invalid syntax at {c}");
                }
                (Token, _position) = (new string(c, 2), _next);
                _next += 2;
                return;
            }
            var end = _next;
            while (end < text.Length && Rune.DecodeFromUtf16(text.AsSpan(end), out var rune, out var length) == System.Buffers.OperationStatus.Done && IsTagRune(rune))
                end += length;
            if (end == _next)
            {
                _position = _next;
                throw Error($"invalid syntax at {(Rune.DecodeFromUtf16(text.AsSpan(_next), out var bad, out _) == System.Buffers.OperationStatus.Done ? bad.ToString() : "?")}");
            }
            (Token, _position, _isTag) = (text[_next..end], _next, true);
            _next = end;
        }
    }
}
