using UrbanSim.Runner.Charts;

namespace UrbanSim.Runner.Tests.Charts;

public sealed class WeightedDensityTests
{
    [Fact]
    public void Quantile_WithEqualWeights_IsTheUsualMedian()
    {
        Assert.Equal(2.5, WeightedDensity.Quantile([4, 1, 3, 2], [1, 1, 1, 1], 0.5), 12);
        Assert.Equal(3, WeightedDensity.Quantile([5, 1, 3], [1, 1, 1], 0.5), 12);
    }

    [Fact]
    public void Quantile_OfCentroids_FollowsTheirWeights()
    {
        // Centroid 10 holds 3 of 4 observations: cumulative centres at 1.5 (value 10) and 3.5 (value 20).
        Assert.Equal(10, WeightedDensity.Quantile([10, 20], [3, 1], 0.25), 12);
        Assert.Equal(12.5, WeightedDensity.Quantile([10, 20], [3, 1], 0.5), 12); // target 2 is a quarter of the way from 1.5 to 3.5
        Assert.Equal(20, WeightedDensity.Quantile([10, 20], [3, 1], 1), 12);
    }

    [Fact]
    public void MeanAndSd_WithCountWeights_EqualThoseOfTheRepeatedSample()
    {
        double[] repeated = [1, 1, 1, 4, 6, 6];

        Assert.Equal(repeated.Average(), WeightedDensity.Mean([1, 4, 6], [3, 1, 2]), 12);
        Assert.Equal(MathNet.Numerics.Statistics.Statistics.StandardDeviation(repeated), WeightedDensity.StandardDeviation([1, 4, 6], [3, 1, 2]), 12);
    }

    [Fact]
    public void EffectiveSize_IsNForEqualWeightsAndLessForUnequal()
    {
        Assert.Equal(5, WeightedDensity.EffectiveSize([2, 2, 2, 2, 2]), 12);
        Assert.Equal(100.0 / 52, WeightedDensity.EffectiveSize([6, 4]), 12); // (6 + 4)² / (36 + 16)
    }

    [Fact]
    public void SilvermanBandwidth_WithEqualWeights_IsTheTextbookRule()
    {
        double[] values = SyntheticChartData.NormalSample(0, 2, 100);
        double sd = MathNet.Numerics.Statistics.Statistics.StandardDeviation(values);
        double iqr = WeightedDensity.Quantile(values, SyntheticChartData.Ones(100), 0.75) - WeightedDensity.Quantile(values, SyntheticChartData.Ones(100), 0.25);

        double expected = 0.9 * Math.Min(sd, iqr / 1.34) * Math.Pow(100, -0.2);

        Assert.Equal(expected, WeightedDensity.SilvermanBandwidth(values, SyntheticChartData.Ones(100)), 12);
    }

    [Fact]
    public void SilvermanBandwidth_OfIdenticalValues_IsSmallButPositive()
    {
        double bandwidth = WeightedDensity.SilvermanBandwidth([0, 0, 0], [1, 1, 1]);

        Assert.InRange(bandwidth, 1e-9, 1e-2);
    }

    [Fact]
    public void GaussianKde_IntegratesToOne()
    {
        double[] values = SyntheticChartData.NormalSample(62.5, 0.3);
        var curve = WeightedDensity.GaussianKde(values, SyntheticChartData.Ones(values.Length));

        double area = 0;
        for (int i = 1; i < curve.X.Length; i++) area += (curve.X[i] - curve.X[i - 1]) * (curve.Density[i] + curve.Density[i - 1]) / 2;

        Assert.Equal(1, area, 3);
    }

    [Fact]
    public void GaussianKde_WithCountWeights_EqualsTheRepeatedSample()
    {
        var weighted = WeightedDensity.GaussianKde([1, 4, 6], [3, 1, 2], bandwidth: 0.8, from: -2, to: 9, points: 50);
        var repeated = WeightedDensity.GaussianKde([1, 1, 1, 4, 6, 6], [1, 1, 1, 1, 1, 1], bandwidth: 0.8, from: -2, to: 9, points: 50);

        for (int i = 0; i < 50; i++) Assert.Equal(repeated.Density[i], weighted.Density[i], 12);
    }

    [Fact]
    public void GaussianKde_PeaksAtTheSampleCentre()
    {
        var curve = WeightedDensity.GaussianKde(SyntheticChartData.NormalSample(3, 1), SyntheticChartData.Ones(200));

        double peakX = curve.X[Array.IndexOf(curve.Density, curve.Density.Max())];

        Assert.InRange(peakX, 2.9, 3.1);
    }

    [Fact]
    public void Check_RefusesNegativeWeightsAndMismatchedLengths()
    {
        Assert.Throws<ArgumentException>(() => WeightedDensity.Check([1, 2], [1, -1]));
        Assert.Throws<ArgumentException>(() => WeightedDensity.Check([1, 2], [1]));
        Assert.Throws<ArgumentException>(() => WeightedDensity.Check([], []));
        Assert.Throws<ArgumentException>(() => WeightedDensity.Check([1, double.NaN], [1, 1]));
    }
}
