using UrbanSim.Core.Agents;

namespace UrbanSim.Core.Tests.Agents;

public class IcbsTests
{
    private const double Allocation = 1_732e6, Prevention = 0.045, Threshold = 0.5, PooledPrevention = 0.5, Devolved = 0.01;

    [Fact]
    public void PooledWithMayor_BelowPartnershipThreshold_IsZeroUnderTiedGrants() =>
        Assert.Equal(0, Icbs.PooledWithMayorGbp(Allocation, Prevention, 0.49, Threshold, PooledPrevention, false, Devolved));

    [Fact]
    public void PooledWithMayor_AtOrAboveThreshold_PoolsPartOfPrevention()
    {
        double expected = Allocation * Prevention * PooledPrevention;
        Assert.Equal(expected, Icbs.PooledWithMayorGbp(Allocation, Prevention, 0.5, Threshold, PooledPrevention, false, Devolved), 3);
        Assert.Equal(expected, Icbs.PooledWithMayorGbp(Allocation, Prevention, 0.9, Threshold, PooledPrevention, false, Devolved), 3);
    }

    [Fact]
    public void PooledWithMayor_UnderHealthDevolution_IsLargerEvenWithAWeakPartnership()
    {
        double partnership = Icbs.PooledWithMayorGbp(Allocation, Prevention, 0.9, Threshold, PooledPrevention, false, Devolved);
        double devolvedWeak = Icbs.PooledWithMayorGbp(Allocation, Prevention, 0.1, Threshold, PooledPrevention, true, Devolved);
        Assert.True(devolvedWeak > partnership);
        Assert.Equal(partnership + Allocation * Devolved, devolvedWeak, 3);
    }

    [Fact]
    public void TreatmentCost_SumsCasesTimesCostAndColdHomes()
    {
        double cost = Icbs.TreatmentCostGbp([100, 10], [970, 2_300], coldHomes: 50, costPerColdHomeGbp: 771);
        Assert.Equal(100 * 970 + 10 * 2_300 + 50 * 771, cost, 9);
    }
}
