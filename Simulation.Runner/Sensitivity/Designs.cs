using UrbanSim.Core.Engine;

namespace UrbanSim.Runner.Sensitivity;

/// <summary>
/// Sample designs in the unit hypercube, each a flat array [point * factors + factor]. Random numbers come
/// from <see cref="CounterRng"/> keyed by (seed, design, row, column), so a design is the same on any machine
/// and thread. Sobol matrices are plain Monte Carlo (not a low-discrepancy sequence): simpler, and the bootstrap
/// intervals are then honest about the sampling error.
/// </summary>
public static class Designs
{
    // Distinct key spaces for the designs' random numbers (the "stream" field of the counter-based generator).
    private const int SaltelliStream = 101, MorrisStream = 102, LhsStream = 103, BootstrapStream = 104, SplitStream = 105;

    internal static double Uniform(ulong seed, int stream, int a, int b, int c = 0) =>
        CounterRng.Uniform(seed, a, (RngStream)stream, b, c, 0);

    /// <summary>
    /// Saltelli's scheme: N rows of A, then N of B, then for each factor i the N rows of AB_i (A with column i from
    /// B): N(k + 2) points.
    /// </summary>
    public static double[] Saltelli(int n, int k, ulong seed)
    {
        var points = new double[n * (k + 2) * k];
        for (int j = 0; j < n; j++)
            for (int c = 0; c < k; c++)
            {
                double a = Uniform(seed, SaltelliStream, j, c, 0), b = Uniform(seed, SaltelliStream, j, c, 1);
                points[j * k + c] = a;
                points[(n + j) * k + c] = b;
                for (int i = 0; i < k; i++) points[((2 + i) * n + j) * k + c] = c == i ? b : a;
            }
        return points;
    }

    /// <summary>
    /// Morris's one-at-a-time trajectories: <paramref name="r"/> trajectories of k + 1 points on a grid of
    /// <paramref name="levels"/> levels (even), step Δ = levels / (2 (levels − 1)). Each trajectory starts at a random
    /// grid point and moves every factor once, in a random order, up or down by Δ.
    /// </summary>
    public static double[] Morris(int r, int k, int levels, ulong seed, out int[] moved, out double[] steps)
    {
        double delta = levels / (2.0 * (levels - 1));
        var points = new double[r * (k + 1) * k];
        moved = new int[r * k];
        steps = new double[r * k];
        var x = new double[k];
        for (int t = 0; t < r; t++)
        {
            for (int c = 0; c < k; c++)
            {
                int level = (int)(Uniform(seed, MorrisStream, t, c, 0) * (levels / 2));   // 0 … levels/2 − 1
                bool up = Uniform(seed, MorrisStream, t, c, 1) < 0.5;
                x[c] = level / (levels - 1.0) + (up ? 0 : delta);
                steps[t * k + c] = up ? delta : -delta;
            }
            var order = Enumerable.Range(0, k).OrderBy(c => Uniform(seed, MorrisStream, t, c, 2)).ThenBy(c => c).ToArray();
            int row = t * (k + 1);
            x.CopyTo(points, row * k);
            for (int s = 0; s < k; s++)
            {
                int c = order[s];
                x[c] += steps[t * k + c];
                x.CopyTo(points, (row + s + 1) * k);
                moved[t * k + s] = c;
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
