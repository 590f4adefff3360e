using UrbanSim.Core.Engine;
using UrbanSim.Core.Numerics;

namespace UrbanSim.Core.Tests.Numerics;

/// <summary>The vector scan for the largest value agrees with its plain reference: a scan that keeps the first strictly larger value.</summary>
public sealed class FirstLargestTests
{
    private static int ScanForLargest(double[] values) => MaxTreeTests.ScanForLargest(values);

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(50)]
    [InlineData(128)]
    public void TheLargestIsWhereAScanFindsIt_TiesToTheLowestPosition_WithSignedZerosAndMinusInfinity(int n)
    {
        for (int trial = 0; trial < 400; trial++)
        {
            // Few distinct values, so ties are common; some −∞ (zones without residents), −0 beside +0.
            var values = Enumerable.Range(0, n).Select(i =>
            {
                double u = CounterRng.Uniform(20261207, trial, RngStream.World, n, i, 0);
                return u < 0.15 ? double.NegativeInfinity : u < 0.25 ? -0.0 : u < 0.35 ? 0.0 : Math.Floor(u * 5) / 4 - 0.5;
            }).ToArray();
            int position = FirstLargest.Of(values, out double largest);
            Assert.Equal(ScanForLargest(values), position);
            Assert.Equal(values[ScanForLargest(values)], largest);
        }
    }

    [Fact]
    public void EveryValueMinusInfinity_GivesTheFirstPosition_AndNothingGivesMinusOne()
    {
        Assert.Equal(0, FirstLargest.Of([double.NegativeInfinity, double.NegativeInfinity, double.NegativeInfinity, double.NegativeInfinity, double.NegativeInfinity], out double largest));
        Assert.Equal(double.NegativeInfinity, largest);
        Assert.Equal(-1, FirstLargest.Of([], out _));
    }
}
