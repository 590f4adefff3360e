using UrbanSim.Core.Engine;

namespace UrbanSim.Runner.Sensitivity;

/// <summary>
/// Sample designs in the unit hypercube, each a flat array [point * factors + factor]. Random numbers come
/// from <see cref="CounterRng"/> keyed by (seed, design, row, column), so a design is the same on any machine
/// and thread. Sobol matrices are plain Monte Carlo (not a low-discrepancy sequence): simpler, and the bootstrap
/// intervals are then honest about the sampling error.
/// </summary>
internal static class Designs
{
    // Distinct key spaces for the designs' random numbers (the "stream" field of the counter-based generator).
    private const int SaltelliStream = 101, MorrisStream = 102, LhsStream = 103, BootstrapStream = 104, SplitStream = 105;

    internal static double Uniform(ulong seed, int stream, int a, int b, int c = 0) =>
        CounterRng.Uniform(seed, a, (RngStream)stream, b, c, 0);

    /// <summary>
    /// Saltelli's scheme: N rows of A, then N of B, then for each group g the N rows of AB_g (A with the columns of
    /// group g from B): N(G + 2) points. With every factor alone (<paramref name="groups"/> null) G = k.
    /// </summary>
    public static double[] Saltelli(int n, int k, ulong seed, IReadOnlyList<FactorGroup>? groups = null)
    {
        int g = groups?.Count ?? k;
        var groupOf = new int[k];
        for (int c = 0; c < k; c++) groupOf[c] = c;
        if (groups is not null)
            for (int i = 0; i < g; i++) foreach (int c in groups[i].Members) groupOf[c] = i;
        var points = new double[n * (g + 2) * k];
        for (int j = 0; j < n; j++)
            for (int c = 0; c < k; c++)
            {
                double a = Uniform(seed, SaltelliStream, j, c, 0), b = Uniform(seed, SaltelliStream, j, c, 1);
                points[j * k + c] = a;
                points[(n + j) * k + c] = b;
                for (int i = 0; i < g; i++) points[((2 + i) * n + j) * k + c] = groupOf[c] == i ? b : a;
            }
        return points;
    }

    /// <summary>
    /// Morris's one-at-a-time trajectories: <paramref name="r"/> trajectories of G + 1 points on a grid of
    /// <paramref name="levels"/> levels (even), step Δ = levels / (2 (levels − 1)). Each trajectory starts at a random
    /// grid point and moves every group once, in a random order, up or down by Δ (every member of a group the same
    /// way, as in Campolongo et al. 2007). <paramref name="moved"/> is [trajectory * G + step] = the group moved;
    /// <paramref name="steps"/> is [trajectory * k + factor] = that factor's signed step. With every factor alone
    /// (<paramref name="groups"/> null) G = k.
    /// </summary>
    public static double[] Morris(int r, int k, int levels, ulong seed, out int[] moved, out double[] steps, IReadOnlyList<FactorGroup>? groups = null)
    {
        groups ??= [.. Enumerable.Range(0, k).Select(c => new FactorGroup("", FactorKind.Parameter, [c]))];
        int g = groups.Count;
        double delta = levels / (2.0 * (levels - 1));
        var points = new double[r * (g + 1) * k];
        moved = new int[r * g];
        steps = new double[r * k];
        var x = new double[k];
        for (int t = 0; t < r; t++)
        {
            for (int i = 0; i < g; i++)
            {
                // A group's direction and order are keyed by its first member, so a group of one draws what a lone factor did.
                bool up = Uniform(seed, MorrisStream, t, groups[i].Members[0], 1) < 0.5;
                foreach (int c in groups[i].Members)
                {
                    int level = (int)(Uniform(seed, MorrisStream, t, c, 0) * (levels / 2));   // 0 … levels/2 − 1
                    x[c] = level / (levels - 1.0) + (up ? 0 : delta);
                    steps[t * k + c] = up ? delta : -delta;
                }
            }
            var order = Enumerable.Range(0, g).OrderBy(i => Uniform(seed, MorrisStream, t, groups[i].Members[0], 2)).ThenBy(i => i).ToArray();
            int row = t * (g + 1);
            x.CopyTo(points, row * k);
            for (int s = 0; s < g; s++)
            {
                int i = order[s];
                foreach (int c in groups[i].Members) x[c] += steps[t * k + c];
                x.CopyTo(points, (row + s + 1) * k);
                moved[t * g + s] = i;
            }
        }
        return points;
    }

    /// <summary>Latin hypercube: each column visits each of the n strata once, in a random order, at a random place.</summary>
    public static double[] LatinHypercube(int n, int k, ulong seed)
    {
        var points = new double[n * k];
        for (int c = 0; c < k; c++)
        {
            int col = c;
            var order = Enumerable.Range(0, n).OrderBy(j => Uniform(seed, LhsStream, j, col, 0)).ThenBy(j => j).ToArray();
            for (int j = 0; j < n; j++) points[j * k + c] = (order[j] + Uniform(seed, LhsStream, j, c, 1)) / n;
        }
        return points;
    }

    /// <summary>Row indices of bootstrap resample <paramref name="b"/> of n rows.</summary>
    public static void BootstrapRows(ulong seed, int b, Span<int> rows)
    {
        for (int j = 0; j < rows.Length; j++) rows[j] = Math.Min(rows.Length - 1, (int)(Uniform(seed, BootstrapStream, b, j) * rows.Length));
    }

    /// <summary>A random permutation of 0..n−1, keyed by (seed, <paramref name="key"/>).</summary>
    public static int[] Permutation(ulong seed, int key, int n) =>
        Enumerable.Range(0, n).OrderBy(j => Uniform(seed, SplitStream, key, j)).ThenBy(j => j).ToArray();
}
