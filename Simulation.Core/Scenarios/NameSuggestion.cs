namespace UrbanSim.Core.Scenarios;

/// <summary>
/// "Did you mean …?" for misspelt names: finds the valid name nearest to a given one by edit distance.
/// </summary>
internal static class NameSuggestion
{
    /// <summary>
    /// The valid name closest to <paramref name="given"/> (case-insensitive optimal string alignment distance:
    /// insertions, deletions, substitutions and swaps of adjacent characters each cost 1), or null when even the
    /// closest is further than max(2, length of <paramref name="given"/> / 3). Ties go to the earlier name.
    /// </summary>
    public static string? Nearest(string given, IEnumerable<string> valid)
    {
        ArgumentNullException.ThrowIfNull(given);
        ArgumentNullException.ThrowIfNull(valid);
        int threshold = Math.Max(2, given.Length / 3);
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in valid)
        {
            int distance = Distance(given, candidate);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= threshold ? best : null;
    }

    /// <summary>Case-insensitive optimal string alignment distance between two strings.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        // Three rolling rows: the swap rule looks two rows back.
        var beforePrevious = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = Same(a[i - 1], b[j - 1]) ? 0 : 1;
                int value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && Same(a[i - 1], b[j - 2]) && Same(a[i - 2], b[j - 1]))
                    value = Math.Min(value, beforePrevious[j - 2] + 1);
                current[j] = value;
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious);
        }
        return previous[b.Length];
    }

    private static bool Same(char x, char y) => char.ToLowerInvariant(x) == char.ToLowerInvariant(y);
}
