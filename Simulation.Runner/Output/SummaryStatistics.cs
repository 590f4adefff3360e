namespace UrbanSim.Runner.Output;

/// <summary>Distribution summary of one outcome across replications.</summary>
internal readonly record struct OutcomeSummary(double Mean, double Sd, double Ci95Low, double Ci95High,
    double P5, double P25, double P50, double P75, double P95);

/// <summary>Summary of paired differences (variant − first variant) across replications.</summary>
internal readonly record struct PairedSummary(double Mean, double Sd, double Ci95Low, double Ci95High, double ProbabilityBetter);

/// <summary>
/// Statistics of a whole sample at once, through the same <see cref="ColumnStatistics"/> the batch uses:
/// mean, sample standard deviation, a Student-t 95% confidence interval of the mean, and R7 quantiles
/// (exact while the sample fits the sketch's exact capacity).
/// </summary>
internal static class SummaryStatistics
{
    /// <summary>Summarises a sample (not modified).</summary>
    public static OutcomeSummary Summarise(ReadOnlySpan<double> sample)
    {
        var column = new ColumnStatistics(exactCapacity: Math.Max(QuantileSketch.DefaultExactCapacity, sample.Length));
        foreach (double value in sample) column.Add(value);
        return column.Summary();
    }

    /// <summary>
    /// Summarises paired differences. Probability of being better is the share of replications whose
    /// difference points the better way, ties counting half.
    /// </summary>
    public static PairedSummary SummarisePaired(ReadOnlySpan<double> differences, bool higherIsBetter)
    {
        var column = new ColumnStatistics(higherIsBetter);
        foreach (double value in differences) column.Add(value);
        return column.Paired();
    }
}
