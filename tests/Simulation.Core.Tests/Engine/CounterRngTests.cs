using MathNet.Numerics.Distributions;
using UrbanSim.Core.Engine;

namespace UrbanSim.Core.Tests.Engine;

public class CounterRngTests
{
    [Fact]
    public void SameKey_GivesTheSameNumber()
    {
        Assert.Equal(CounterRng.Bits(42, 3, RngStream.Bids, 5, 7, 11), CounterRng.Bits(42, 3, RngStream.Bids, 5, 7, 11));
        var random = new ReplicationRandom(42, 3);
        Assert.Equal(CounterRng.Uniform(42, 3, RngStream.Bids, 5, 7, 11), random.Uniform(RngStream.Bids, 5, 7, 11));
    }

    [Fact]
    public void ChangingAnyPartOfTheKey_ChangesTheNumber()
    {
        ulong key = CounterRng.Bits(42, 3, RngStream.Bids, 5, 7, 11);
        ulong[] neighbours =
        [
            CounterRng.Bits(43, 3, RngStream.Bids, 5, 7, 11),
            CounterRng.Bits(42, 4, RngStream.Bids, 5, 7, 11),
            CounterRng.Bits(42, 3, RngStream.Churn, 5, 7, 11),
            CounterRng.Bits(42, 3, RngStream.Bids, 6, 7, 11),
            CounterRng.Bits(42, 3, RngStream.Bids, 5, 8, 11),
            CounterRng.Bits(42, 3, RngStream.Bids, 5, 7, 12),
            // Fields must not be interchangeable: swapping entity and index, or year and stream, is another key.
            CounterRng.Bits(42, 3, RngStream.Bids, 5, 11, 7),
            CounterRng.Bits(42, 3, (RngStream)5, 4, 7, 11),
        ];
        Assert.All(neighbours, n => Assert.NotEqual(key, n));
        Assert.Equal(neighbours.Length, neighbours.Distinct().Count());
        // Unrelated bits: a one-step change flips about half of the 64 (a weak mix would flip few).
        Assert.All(neighbours, n => Assert.InRange(ulong.PopCount(key ^ n), 16UL, 48UL));
    }

    /// <summary>n draws whose keys vary in replication, year, entity and index, all distinct.</summary>
    private static double[] Draws(int n)
    {
        var u = new double[n];
        for (int i = 0; i < n; i++) u[i] = CounterRng.Uniform(20261122, i % 7, RngStream.Sites, i % 25, i / 175, i % 3);
        return u;
    }

    [Fact]
    public void Uniform_IsInsideTheOpenUnitInterval_WithMeanHalfAndVarianceOneTwelfth()
    {
        const int n = 100_000;
        var u = Draws(n);
        Assert.Equal(n, u.Distinct().Count());
        Assert.All(u, x => Assert.True(x > 0 && x < 1));
        double mean = u.Average();
        double variance = u.Sum(x => (x - mean) * (x - mean)) / (n - 1);
        // Standard errors: of the mean sqrt(1/12/n) ≈ 0.00091; of the variance sqrt(1/180/n) ≈ 0.00024. Tolerance 5 SE.
        Assert.InRange(mean, 0.5 - 5 * Math.Sqrt(1.0 / 12 / n), 0.5 + 5 * Math.Sqrt(1.0 / 12 / n));
        Assert.InRange(variance, 1.0 / 12 - 5 * Math.Sqrt(1.0 / 180 / n), 1.0 / 12 + 5 * Math.Sqrt(1.0 / 180 / n));
    }

    [Fact]
    public void Uniform_PassesChiSquareAndKolmogorovSmirnovAgainstUniform()
    {
        const int n = 100_000, bins = 100;
        var u = Draws(n);
        var counts = new int[bins];
        foreach (double x in u) counts[(int)(x * bins)]++;
        double expected = (double)n / bins;
        double chi2 = counts.Sum(c => (c - expected) * (c - expected) / expected);
        double pChi = 1 - ChiSquared.CDF(bins - 1, chi2);
        Assert.True(pChi > 1e-4, $"chi-square {chi2:F1} on {bins - 1} df, p = {pChi:E2}");

        Array.Sort(u);
        double d = 0;
        for (int i = 0; i < n; i++) d = Math.Max(d, Math.Max((i + 1.0) / n - u[i], u[i] - (double)i / n));
        // Kolmogorov distribution: P(sqrt(n) D > 1.95) ≈ 0.001.
        Assert.True(Math.Sqrt(n) * d < 1.95, $"KS statistic sqrt(n)·D = {Math.Sqrt(n) * d:F3}");
    }

    [Fact]
    public void StandardNormal_HasMeanZeroAndUnitVariance()
    {
        var random = new ReplicationRandom(7, 0);
        const int n = 50_000;
        var z = new double[n];
        for (int i = 0; i < n; i++) z[i] = random.StandardNormal(RngStream.World, 0, i, 0);
        double mean = z.Average();
        double variance = z.Sum(x => (x - mean) * (x - mean)) / (n - 1);
        Assert.InRange(mean, -5 / Math.Sqrt(n), 5 / Math.Sqrt(n));
        Assert.InRange(variance, 1 - 5 * Math.Sqrt(2.0 / n), 1 + 5 * Math.Sqrt(2.0 / n));
    }
}
