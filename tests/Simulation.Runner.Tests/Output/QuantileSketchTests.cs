using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;
using MathNet.Numerics.Statistics;
using UrbanSim.Runner.Output;

namespace UrbanSim.Runner.Tests.Output;

public sealed class QuantileSketchTests
{
    private static double[] NormalSample(int n, int seed)
    {
        var random = new Xoshiro256StarStar(seed);
        return Enumerable.Range(0, n).Select(_ => Normal.Sample(random, 62.5, 0.3)).ToArray();
    }

    [Fact]
    public void UpToItsCapacity_QuantilesAreExactR7()
    {
        var sketch = new QuantileSketch();
        double[] values = NormalSample(QuantileSketch.DefaultExactCapacity, 1);
        foreach (double v in values) sketch.Add(v);
        Assert.True(sketch.IsExact);
        var sorted = values.Order().ToArray();
        foreach (double tau in new[] { 0, 0.05, 0.25, 0.5, 0.75, 0.95, 1 })
            Assert.Equal(SortedArrayStatistics.QuantileCustom(sorted, tau, QuantileDefinition.R7), sketch.Quantile(tau));
    }

    [Theory]
    [InlineData(20_000)]
    [InlineData(200_000)]
    public void BeyondItsCapacity_QuantilesAreWithinATenthOfAPercentileOfTheTruth(int n)
    {
        var sketch = new QuantileSketch();
        double[] values = NormalSample(n, 2);
        foreach (double v in values) sketch.Add(v);
        Assert.False(sketch.IsExact);
        var sorted = values.Order().ToArray();
        foreach (double tau in new[] { 0.05, 0.25, 0.5, 0.75, 0.95 })
        {
            double estimate = sketch.Quantile(tau);
            // Rank error: where the estimate falls in the true distribution.
            double rank = Array.BinarySearch(sorted, estimate) is int i && i >= 0 ? i : ~i;
            Assert.InRange(rank / n, tau - 0.001, tau + 0.001);
        }
        Assert.Equal(sorted[0], sketch.Quantile(0));
        Assert.Equal(sorted[^1], sketch.Quantile(1));
    }

    [Fact]
    public void MemoryIsBounded_TheDigestKeepsAFewHundredCentroidsForAMillionValues()
    {
        var sketch = new QuantileSketch();
        foreach (double v in NormalSample(1_000_000, 3)) sketch.Add(v);
        var (points, weights) = sketch.WeightedSample();
        Assert.InRange(points.Length, 50, 2 * QuantileSketch.DefaultCompression);
        Assert.Equal(1_000_000, weights.Sum(), 6);
        Assert.Equal(points.Order(), points);
    }

    [Fact]
    public void SameValuesInTheSameOrder_GiveTheSameBits()
    {
        double[] values = NormalSample(50_000, 4);
        var a = new QuantileSketch();
        var b = new QuantileSketch();
        foreach (double v in values) { a.Add(v); b.Add(v); }
        foreach (double tau in new[] { 0.05, 0.5, 0.95 }) Assert.Equal(a.Quantile(tau), b.Quantile(tau));
    }

    [Fact]
    public void NonFiniteValuesAreIgnored_AndAnEmptySketchHasNoQuantiles()
    {
        var sketch = new QuantileSketch();
        Assert.True(double.IsNaN(sketch.Quantile(0.5)));
        sketch.Add(double.NaN); sketch.Add(double.PositiveInfinity); sketch.Add(3);
        Assert.Equal(1, sketch.Count);
        Assert.Equal(3, sketch.Quantile(0.5));
    }

    [Fact]
    public void ProbabilityBetter_CountsTiesAsHalf_AndRespectsTheDirection()
    {
        var lowerIsBetter = new ColumnStatistics(higherIsBetter: false);
        foreach (double d in new[] { -1.0, -2, 0, 3 }) lowerIsBetter.Add(d);
        Assert.Equal((2 + 0.5) / 4, lowerIsBetter.Paired().ProbabilityBetter);
        var higherIsBetter = new ColumnStatistics(higherIsBetter: true);
        foreach (double d in new[] { -1.0, -2, 0, 3 }) higherIsBetter.Add(d);
        Assert.Equal((1 + 0.5) / 4, higherIsBetter.Paired().ProbabilityBetter);
    }
}
