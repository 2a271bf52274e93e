namespace Ocelot.Engine.Text;

/// <summary>Finds the candidates closest to a misspelt word, for "did you mean" hints.</summary>
public static class ClosestMatch
{
    /// <summary>Candidates within an edit distance that scales with the word's length, best first.</summary>
    public static IReadOnlyList<string> Find(string word, IEnumerable<string> candidates, int max = 3)
    {
        var limit = Math.Max(2, word.Length / 3);
        return candidates
            .Distinct(StringComparer.Ordinal)
            .Select(c => (Candidate: c, Distance: Distance(word.ToLowerInvariant(), c.ToLowerInvariant())))
            .Where(x => x.Distance <= limit || x.Candidate.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Candidate, StringComparer.Ordinal)
            .Take(max)
            .Select(x => x.Candidate)
            .ToList();
    }

    /// <summary>" Did you mean 'a' or 'b'?" or an empty string when nothing is close.</summary>
    public static string Hint(string word, IEnumerable<string> candidates)
    {
        var close = Find(word, candidates);
        return close.Count == 0 ? string.Empty : $" Did you mean {JoinQuoted(close, "or")}?";
    }

    public static string JoinQuoted(IReadOnlyList<string> items, string lastSeparator = "and")
    {
        var quoted = items.Select(i => $"'{i}'").ToList();
        return quoted.Count switch
        {
            0 => string.Empty,
            1 => quoted[0],
            _ => string.Join(", ", quoted.Take(quoted.Count - 1)) + $" {lastSeparator} " + quoted[^1],
        };
    }

    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent transpositions).</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
