using UrbanSim.Core.Icbs;

namespace UrbanSim.Core.Tests.Icbs;

public class IcbRulesTests
{
    private const double Allocation = 1_732e6, Prevention = 0.045, Threshold = 0.5, PooledPrevention = 0.5, Devolved = 0.01;

    [Fact]
    public void PooledWithMayor_BelowPartnershipThreshold_IsZeroUnderTiedGrants() =>
        Assert.Equal(0, IcbRules.PooledWithMayorGbp(Allocation, Prevention, 0.49, Threshold, PooledPrevention, settlementPoolsPrevention: false, allocationPooledShare: 0));

    [Fact]
    public void PooledWithMayor_AtOrAboveThreshold_PoolsPartOfPrevention()
    {
        double expected = Allocation * Prevention * PooledPrevention;
        Assert.Equal(expected, IcbRules.PooledWithMayorGbp(Allocation, Prevention, 0.5, Threshold, PooledPrevention, settlementPoolsPrevention: false, allocationPooledShare: 0), 3);
        Assert.Equal(expected, IcbRules.PooledWithMayorGbp(Allocation, Prevention, 0.9, Threshold, PooledPrevention, settlementPoolsPrevention: false, allocationPooledShare: 0), 3);
    }

    [Fact]
    public void PooledWithMayor_UnderHealthDevolution_IsLargerEvenWithAWeakPartnership()
    {
        double partnership = IcbRules.PooledWithMayorGbp(Allocation, Prevention, 0.9, Threshold, PooledPrevention, settlementPoolsPrevention: false, allocationPooledShare: 0);
        double devolvedWeak = IcbRules.PooledWithMayorGbp(Allocation, Prevention, 0.1, Threshold, PooledPrevention, settlementPoolsPrevention: true, allocationPooledShare: Devolved);
        Assert.True(devolvedWeak > partnership);
        Assert.Equal(partnership + Allocation * Devolved, devolvedWeak, 3);
    }

    [Fact]
    public void TreatmentCost_SumsCasesTimesCostAndColdHomes()
    {
        double cost = IcbRules.TreatmentCostGbp([100, 10], [970, 2_300], coldHomes: 50, costPerColdHomeGbp: 771);
        Assert.Equal(100 * 970 + 10 * 2_300 + 50 * 771, cost, 9);
    }
}
