using System.Runtime.Intrinsics;
using UrbanSim.Core.Engine;
using UrbanSim.Core.Programmes;
using Xunit;

namespace UrbanSim.Core.Tests.Programmes;

public class StockResponseTests
{
    [Theory]
    [InlineData(1.0)]
    [InlineData(0.8)]
    [InlineData(1.5)]
    [InlineData(2.5)]
    public void OneZonesResponse_HasTheSameBitsAsItsLaneAmongThreeOthers_EvenBesideZonesWithoutStock(double exponent)
    {
        // The fast kernels evaluate four zones at once and the references one at a time: they choose the same scheme
        // zones only if a zone's response does not depend on its neighbours' lanes. Zones without stock (0, or a
        // negative rounding remainder) must not send the other lanes down a different path.
        // Inputs from the project's counter-based streams: the same cases on every run, whatever the order.
        double Draw(int i, int k) => CounterRng.Uniform(20261207, 0, RngStream.World, 0, i, k);
        double[] neighbours = [0, -1e-12, 3.7, 250, 1e-9, 80];
        for (int i = 0; i < 2000; i++)
        {
            double stock = Draw(i, 0) * 400, half = 10 + Draw(i, 1) * 200;
            double other1 = neighbours[(int)(Draw(i, 2) * neighbours.Length)], other2 = neighbours[(int)(Draw(i, 3) * neighbours.Length)];
            double alone = StockResponse.Hill(stock, half, exponent);
            var four = StockResponse.Hill(Vector256.Create(other1, stock, other2, 0), half, exponent);
            Assert.Equal(BitConverter.DoubleToInt64Bits(alone), BitConverter.DoubleToInt64Bits(four.GetElement(1)));
            // Lanes with their own half-response stock and exponent (a scheme's two effects in one call).
            var mixed = StockResponse.Hill(Vector256.Create(other1, other2, stock, stock + 1),
                Vector256.Create(50.0, 20.0, half, half), Vector256.Create(1.0, 1.7, exponent, exponent));
            Assert.Equal(BitConverter.DoubleToInt64Bits(alone), BitConverter.DoubleToInt64Bits(mixed.GetElement(2)));
        }
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(1.5)]
    public void Response_IsTheHillFunction_ZeroWithoutStock_HalfAtTheHalfResponseStock(double exponent)
    {
        Assert.Equal(0, StockResponse.Hill(0, 40, exponent));
        Assert.Equal(0, StockResponse.Hill(-3, 40, exponent));
        Assert.Equal(0.5, StockResponse.Hill(40, 40, exponent), 12);
        double k = Math.Pow(120.0 / 40, exponent);
        Assert.Equal(k / (1 + k), StockResponse.Hill(120, 40, exponent), 12);
    }
}
