namespace UrbanSim.Runner.Sensitivity;

/// <summary>A Sobol index with its bootstrap 95% percentile interval.</summary>
internal readonly record struct Interval(double Estimate, double Low, double High);

/// <summary>First-order and total Sobol indices of one factor, or one group of factors (<paramref name="Members"/> of them), for one output.</summary>
internal sealed record SobolIndex(string Factor, FactorKind Kind, Interval FirstOrder, Interval Total, int Members = 1);

/// <summary>
/// Sobol indices from a Saltelli design (<see cref="Designs.Saltelli"/>): first order by Saltelli et al. (2010),
/// S_i = mean(f(B) (f(AB_i) − f(A))) / V, total by Jansen (1999), ST_i = mean((f(A) − f(AB_i))²) / (2V), with V
/// the variance of f over A and B together. For a group of factors swapped together, the same estimators give the
/// group's closed first-order and total indices. Intervals: percentile bootstrap over the N rows (seeded).
/// </summary>
internal static class SobolAnalysis
{
    public const int BootstrapResamples = 1000;

    /// <summary>Indices for output <paramref name="output"/> of <paramref name="results"/> ([point * outputs + output]).</summary>
    public static SobolIndex[] Analyse(IReadOnlyList<FactorGroup> factors, int n, double[] results, int outputs, int output, ulong seed, int resamples = BootstrapResamples)
    {
        int k = factors.Count;
        double F(int matrix, int j) => results[(matrix * n + j) * outputs + output];   // matrix 0 = A, 1 = B, 2 + i = AB_i
        var all = Enumerable.Range(0, n);
        var estimate = Estimate(F, k, n, all.ToArray());
        var first = new double[k][];
        var total = new double[k][];
        for (int i = 0; i < k; i++) { first[i] = new double[resamples]; total[i] = new double[resamples]; }
        var rows = new int[n];
        for (int b = 0; b < resamples; b++)
        {
            Designs.BootstrapRows(seed, b, rows);
            var e = Estimate(F, k, n, rows);
            for (int i = 0; i < k; i++) { first[i][b] = e.First[i]; total[i][b] = e.Total[i]; }
        }
        return factors.Select((f, i) => new SobolIndex(f.Name, f.Kind,
            WithInterval(estimate.First[i], first[i]), WithInterval(estimate.Total[i], total[i]), f.Members.Length)).ToArray();
    }

    private static Interval WithInterval(double estimate, double[] resamples)
    {
        var finite = resamples.Where(double.IsFinite).ToArray();
        if (finite.Length == 0) return new Interval(estimate, double.NaN, double.NaN);
        Array.Sort(finite);
        return new Interval(estimate, Quantile(finite, 0.025), Quantile(finite, 0.975));
    }

    /// <summary>R-7 quantile of sorted values.</summary>
    internal static double Quantile(double[] sorted, double p)
    {
        double h = (sorted.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static (double[] First, double[] Total) Estimate(Func<int, int, double> f, int k, int n, int[] rows)
    {
        double sum = 0, sum2 = 0;
        foreach (int j in rows) { double a = f(0, j), b = f(1, j); sum += a + b; sum2 += a * a + b * b; }
        double count = 2.0 * rows.Length;
        double mean = sum / count;
        double variance = (sum2 - count * mean * mean) / (count - 1);
        var first = new double[k];
        var total = new double[k];
        for (int i = 0; i < k; i++)
        {
            double s = 0, t = 0;
            foreach (int j in rows)
            {
                // f(B) centred: the estimator's expectation is unchanged (E[f(AB_i) − f(A)] = 0), but its variance no
                // longer grows with the square of the outcome's mean (HLE is about 62 years; its variance is small).
                double a = f(0, j), b = f(1, j) - mean, ab = f(2 + i, j);
                s += b * (ab - a);
                t += (a - ab) * (a - ab);
            }
            first[i] = variance > 0 ? s / rows.Length / variance : double.NaN;
            total[i] = variance > 0 ? t / (2.0 * rows.Length) / variance : double.NaN;
        }
        return (first, total);
    }
}
