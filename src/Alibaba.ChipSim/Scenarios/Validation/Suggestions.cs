namespace Alibaba.ChipSim.Scenarios.Validation;

/// <summary>"Did you mean" hints by edit distance.</summary>
internal static class Suggestions
{
    /// <summary>The closest candidate within a few edits of <paramref name="word"/>, or null.</summary>
    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var c in candidates)
        {
            var d = Distance(word, c);
            if (d < bestDistance)
            {
                best = c;
                bestDistance = d;
            }
        }
        var limit = Math.Max(2, Math.Min(word.Length, best?.Length ?? 0) / 3);
        return best is not null && bestDistance <= limit ? best : null;
    }

    /// <summary>" (did you mean 'x'?)" or "; expected one of: a, b, c".</summary>
    public static string Hint(string word, IReadOnlyCollection<string> candidates)
    {
        var closest = Closest(word, candidates);
        if (closest is not null) return $" (did you mean '{closest}'?)";
        return candidates.Count == 0 ? "" : "; expected one of: " + string.Join(", ", candidates);
    }

    /// <summary>Optimal string alignment distance (Levenshtein with adjacent transpositions), case-insensitive.</summary>
    public static int Distance(string a, string b)
    {
        if (a.Length > 200 || b.Length > 200) return Math.Max(a.Length, b.Length);
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        for (var j = 1; j <= b.Length; j++)
        {
            var cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
        }
        return d[a.Length, b.Length];
    }
}
