namespace Ocelot.Engine.Overlay;

/// <summary>
/// A parsed <c>//go:build</c> expression, evaluated against a set of active tags the way the Go toolchain does,
/// so Ocelot decides which files compile with Go's own rule rather than by matching file names.
/// </summary>
public abstract class BuildConstraint
{
    public abstract bool Evaluate(IReadOnlySet<string> activeTags);

    /// <summary>Every tag the expression names, in order of appearance.</summary>
    public abstract IEnumerable<string> Tags { get; }

    /// <summary>Finds the <c>//go:build</c> line of a Go source file (it must precede the package clause).</summary>
    public static BuildConstraint? FromGoSource(string source, string fileNameForErrors)
    {
        using var reader = new StringReader(source);
        string? line;
        var lineNumber = 0;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            var trimmed = line.Trim();
            if (trimmed.StartsWith("//go:build", StringComparison.Ordinal))
            {
                try
                {
                    return Parse(trimmed["//go:build".Length..]);
                }
                catch (FormatException ex)
                {
                    throw new FormatException($"{fileNameForErrors}:{lineNumber}: {ex.Message}", ex);
                }
            }
            if (trimmed.StartsWith("package ", StringComparison.Ordinal)) break;
        }
        return null;
    }

    public static BuildConstraint Parse(string expression)
    {
        var parser = new Parser(expression);
        var result = parser.ParseOr();
        parser.SkipSpace();
        if (!parser.AtEnd) throw new FormatException($"unexpected '{parser.Rest}' in build constraint '{expression.Trim()}'");
        return result;
    }

    public static bool IsTagCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '.';

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

    private sealed class And(BuildConstraint left, BuildConstraint right) : BuildConstraint
    {
        public override bool Evaluate(IReadOnlySet<string> activeTags) => left.Evaluate(activeTags) && right.Evaluate(activeTags);
        public override IEnumerable<string> Tags => left.Tags.Concat(right.Tags);
        public override string ToString() => $"({left} && {right})";
    }

    private sealed class Or(BuildConstraint left, BuildConstraint right) : BuildConstraint
    {
        public override bool Evaluate(IReadOnlySet<string> activeTags) => left.Evaluate(activeTags) || right.Evaluate(activeTags);
        public override IEnumerable<string> Tags => left.Tags.Concat(right.Tags);
        public override string ToString() => $"({left} || {right})";
    }

    private sealed class Parser(string text)
    {
        private int _position;

        public bool AtEnd => _position >= text.Length;
        public string Rest => text[_position..];

        public void SkipSpace()
        {
            while (!AtEnd && char.IsWhiteSpace(text[_position])) _position++;
        }

        private bool Accept(string token)
        {
            SkipSpace();
            if (string.CompareOrdinal(text, _position, token, 0, token.Length) != 0) return false;
            _position += token.Length;
            return true;
        }

        public BuildConstraint ParseOr()
        {
            var left = ParseAnd();
            while (Accept("||")) left = new Or(left, ParseAnd());
            return left;
        }

        private BuildConstraint ParseAnd()
        {
            var left = ParseNot();
            while (Accept("&&")) left = new And(left, ParseNot());
            return left;
        }

        private BuildConstraint ParseNot()
        {
            if (Accept("!")) return new Not(ParseNot());
            if (Accept("("))
            {
                var inner = ParseOr();
                if (!Accept(")")) throw new FormatException($"missing ')' in build constraint '{text.Trim()}'");
                return inner;
            }
            SkipSpace();
            var start = _position;
            while (!AtEnd && IsTagCharacter(text[_position])) _position++;
            if (start == _position)
                throw new FormatException(AtEnd ? $"unexpected end of build constraint '{text.Trim()}'" : $"unexpected '{text[_position]}' in build constraint '{text.Trim()}'");
            return new Tag(text[start.._position]);
        }
    }
}
