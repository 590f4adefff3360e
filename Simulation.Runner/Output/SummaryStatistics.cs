using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace UrbanSim.Runner.Output;

/// <summary>Distribution summary of one outcome across replications.</summary>
public readonly record struct OutcomeSummary(double Mean, double Sd, double Ci95Low, double Ci95High,
    double P5, double P25, double P50, double P75, double P95);

/// <summary>Summary of paired differences (variant − first variant) across replications.</summary>
public readonly record struct PairedSummary(double Mean, double Sd, double Ci95Low, double Ci95High, double ProbabilityBetter);

/// <summary>
/// Statistics over replications with MathNet.Numerics: mean, sample standard deviation, a Student-t 95%
/// confidence interval of the mean, and quantiles by definition R7 (linear interpolation, as numpy and R's default).
/// </summary>
public static class SummaryStatistics
{
    /// <summary>Summarises a sample (not modified).</summary>
    public static OutcomeSummary Summarise(ReadOnlySpan<double> sample)
    {
        var sorted = sample.ToArray();
        Array.Sort(sorted);
        var (mean, sd, low, high) = MeanAndInterval(sorted);
        return new OutcomeSummary(mean, sd, low, high,
            Quantile(sorted, 0.05), Quantile(sorted, 0.25), Quantile(sorted, 0.50), Quantile(sorted, 0.75), Quantile(sorted, 0.95));
    }

    /// <summary>
    /// Summarises paired differences. Probability of being better is the share of replications whose
    /// difference points the better way, ties counting half.
    /// </summary>
    public static PairedSummary SummarisePaired(ReadOnlySpan<double> differences, bool higherIsBetter)
    {
        var (mean, sd, low, high) = MeanAndInterval(differences.ToArray());
        double better = 0;
        foreach (double d in differences)
        {
            double signed = higherIsBetter ? d : -d;
            better += signed > 0 ? 1 : signed == 0 ? 0.5 : 0;
        }
        return new PairedSummary(mean, sd, low, high, differences.Length > 0 ? better / differences.Length : double.NaN);
    }

    /// <summary>Quantile of a sorted sample, R7 definition.</summary>
    public static double Quantile(double[] sorted, double tau) =>
        sorted.Length == 0 ? double.NaN : SortedArrayStatistics.QuantileCustom(sorted, tau, QuantileDefinition.R7);

    private static (double Mean, double Sd, double Low, double High) MeanAndInterval(double[] sample)
    {
        int n = sample.Length;
        if (n == 0) return (double.NaN, double.NaN, double.NaN, double.NaN);
        double mean = sample.Mean();
        if (n == 1) return (mean, 0, mean, mean);
        double sd = sample.StandardDeviation();
        double half = StudentT.InvCDF(0, 1, n - 1, 0.975) * sd / Math.Sqrt(n);
        return (mean, sd, mean - half, mean + half);
    }
}
