using UrbanSim.Runner.Output;

namespace UrbanSim.Runner.Tests.Output;

public sealed class SummaryStatisticsTests
{
    private static readonly double[] OneToHundred = Enumerable.Range(1, 100).Select(i => (double)i).ToArray();

    [Fact]
    public void Quantiles_OfOneToHundred_FollowR7()
    {
        // R7: h = (n - 1) p + 1, interpolating between the order statistics either side of h.
        var s = SummaryStatistics.Summarise(OneToHundred);

        Assert.Equal(5.95, s.P5, 10);
        Assert.Equal(25.75, s.P25, 10);
        Assert.Equal(50.5, s.P50, 10);
        Assert.Equal(75.25, s.P75, 10);
        Assert.Equal(95.05, s.P95, 10);
    }

    [Fact]
    public void MeanAndSd_OfOneToHundred()
    {
        var s = SummaryStatistics.Summarise(OneToHundred);

        Assert.Equal(50.5, s.Mean, 12);
        // Sample variance of 1..n is n(n + 1) / 12.
        Assert.Equal(Math.Sqrt(100 * 101 / 12.0), s.Sd, 10);
    }

    [Fact]
    public void Summarise_DoesNotDependOnOrderOrChangeTheSample()
    {
        double[] shuffled = [7, 2, 5, 4, 4];
        var s = SummaryStatistics.Summarise(shuffled);

        Assert.Equal([7, 2, 5, 4, 4], shuffled);
        var sorted = SummaryStatistics.Summarise([2, 4, 4, 5, 7]);
        // Quantiles are order statistics: exactly equal. Moments accumulate in order: equal to rounding.
        Assert.Equal((sorted.P5, sorted.P25, sorted.P50, sorted.P75, sorted.P95), (s.P5, s.P25, s.P50, s.P75, s.P95));
        Assert.Equal(sorted.Mean, s.Mean, 12);
        Assert.Equal(sorted.Sd, s.Sd, 12);
        Assert.Equal(4, s.P50);
        Assert.Equal(2.4, s.P5, 12);   // h = 1.2: 2 + 0.2 × (4 − 2)
        Assert.Equal(6.6, s.P95, 12);  // h = 4.8: 5 + 0.8 × (7 − 5)
    }

    [Fact]
    public void ConfidenceInterval_OfSmallSample_IsStudentT()
    {
        // {2, 4, 4, 5, 7}: mean 4.4, squared deviations 5.76 + 0.16 + 0.16 + 0.36 + 6.76 = 13.2, variance 13.2 / 4 = 3.3.
        // t(0.975, 4 df) = 2.7764451051977987; half-width = t × sd / √5.
        var s = SummaryStatistics.Summarise([2, 4, 4, 5, 7]);
        double sd = Math.Sqrt(3.3);
        double half = 2.7764451051977987 * sd / Math.Sqrt(5);

        Assert.Equal(4.4, s.Mean, 12);
        Assert.Equal(sd, s.Sd, 12);
        Assert.Equal(4.4 - half, s.Ci95Low, 9);
        Assert.Equal(4.4 + half, s.Ci95High, 9);
        Assert.Equal(2.1444, s.Ci95Low, 3);
        Assert.Equal(6.6556, s.Ci95High, 3);
    }

    [Fact]
    public void ConfidenceInterval_OfTwoValues_UsesOneDegreeOfFreedom()
    {
        // {0, 2}: mean 1, sd √2, t(0.975, 1) = 12.706204736174698, half-width = t × √2 / √2 = t.
        var s = SummaryStatistics.Summarise([0, 2]);

        Assert.Equal(1 - 12.706204736174698, s.Ci95Low, 9);
        Assert.Equal(1 + 12.706204736174698, s.Ci95High, 9);
    }

    [Fact]
    public void SingleValue_HasAMeanButNoSdOrInterval_AndEmptySampleIsUndefined()
    {
        // One value says nothing about spread: its sd and interval are undefined (null in summary.json), not zero.
        var one = SummaryStatistics.Summarise([3.5]);
        Assert.Equal(new OutcomeSummary(3.5, double.NaN, double.NaN, double.NaN, 3.5, 3.5, 3.5, 3.5, 3.5), one);
        var paired = SummaryStatistics.SummarisePaired([0.25], true);
        Assert.Equal(new PairedSummary(0.25, double.NaN, double.NaN, double.NaN, 1), paired);

        var none = SummaryStatistics.Summarise([]);
        Assert.True(double.IsNaN(none.Mean));
        Assert.True(double.IsNaN(none.P50));
        Assert.True(double.IsNaN(SummaryStatistics.SummarisePaired([], true).ProbabilityBetter));
    }

    [Fact]
    public void ProbabilityBetter_CountsTiesHalf()
    {
        double[] differences = [1, -1, 0, 2];

        // Higher is better: 2 better, 1 tie, 1 worse → (2 + 0.5) / 4.
        Assert.Equal(0.625, SummaryStatistics.SummarisePaired(differences, higherIsBetter: true).ProbabilityBetter, 12);
        // Lower is better: 1 better, 1 tie → (1 + 0.5) / 4.
        Assert.Equal(0.375, SummaryStatistics.SummarisePaired(differences, higherIsBetter: false).ProbabilityBetter, 12);
        Assert.Equal(0.5, SummaryStatistics.SummarisePaired([0, 0, 0], higherIsBetter: true).ProbabilityBetter, 12);
    }

    [Fact]
    public void PairedSummary_HasMeanSdAndStudentTInterval()
    {
        var d = SummaryStatistics.SummarisePaired([2, 4, 4, 5, 7], higherIsBetter: true);
        var s = SummaryStatistics.Summarise([2, 4, 4, 5, 7]);

        Assert.Equal(s.Mean, d.Mean, 12);
        Assert.Equal(s.Sd, d.Sd, 12);
        Assert.Equal(s.Ci95Low, d.Ci95Low, 12);
        Assert.Equal(s.Ci95High, d.Ci95High, 12);
        Assert.Equal(1.0, d.ProbabilityBetter);
    }
}

public sealed class StudentTQuantileTests
{
    [Theory]
    [InlineData(1, 12.706204736)]
    [InlineData(9, 2.262157163)]
    [InlineData(199, 1.971956544)]
    public void StudentT975_IsTheTablesValue_AndTheSameOnEveryCall(long degreesOfFreedom, double expected)
    {
        double first = ColumnStatistics.StudentT975(degreesOfFreedom);
        Assert.Equal(expected, first, 8);
        Assert.Equal(MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, degreesOfFreedom, 0.975), ColumnStatistics.StudentT975(degreesOfFreedom));
    }

    [Fact]
    public void Interval_OfTenValues_UsesNineDegreesOfFreedom()
    {
        var column = new ColumnStatistics(higherIsBetter: true);
        foreach (double v in new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }) column.Add(v);
        var s = column.Summary();
        double half = 2.262157163 * Math.Sqrt(110 / 12.0) / Math.Sqrt(10);
        Assert.Equal(5.5 - half, s.Ci95Low, 8);
        Assert.Equal(5.5 + half, s.Ci95High, 8);
    }
}
