using UrbanSim.Core.Numerics;

namespace UrbanSim.Core.Tests.Numerics;

/// <summary>The ranking of zones by scheme gain agrees with its plain reference: a scan that keeps the first strictly larger value.</summary>
public sealed class MaxTreeTests
{
    /// <summary>The plain reference: the first position of the largest value.</summary>
    internal static int ScanForLargest(double[] values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++) if (values[i] > values[best]) best = i;
        return best;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(50)]
    [InlineData(257)]
    public void AfterEveryChange_TheLargestIsWhereAScanFindsIt_TiesToTheLowestPosition(int n)
    {
        var random = new Random(n);
        // Few distinct values, so ties are common; some −∞ (zones without residents).
        var values = Enumerable.Range(0, n).Select(_ => random.Next(6) == 0 ? double.NegativeInfinity : random.Next(5) / 4.0).ToArray();
        var tree = new MaxTree(300);
        tree.Fill(values);
        for (int step = 0; step < 500; step++)
        {
            Assert.Equal(ScanForLargest(values), tree.PositionOfLargest);
            Assert.Equal(values[ScanForLargest(values)], tree.Largest);
            int i = random.Next(n);
            values[i] = random.Next(5) / 4.0 - (random.Next(10) == 0 ? 10 : 0);
            tree.Set(i, values[i]);
        }
    }

    [Fact]
    public void MoreValuesThanItsCapacity_AreRefused()
    {
        var tree = new MaxTree(3);
        Assert.Throws<ArgumentException>(() => tree.Fill(new double[4]));
    }
}
