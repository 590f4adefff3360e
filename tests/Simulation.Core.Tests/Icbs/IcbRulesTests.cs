using UrbanSim.Core.Icbs;

namespace UrbanSim.Core.Tests.Icbs;

public class IcbRulesTests
{
    private const double Allocation = 1_732e6, Prevention = 0.045, Threshold = 0.5, PooledPrevention = 0.5, Devolved = 0.01, RampWidth = 0.2;

    [Fact]
    public void PooledWithMayor_WellBelowPartnershipThreshold_IsZeroUnderTiedGrants() =>
        Assert.Equal(0, IcbRules.PooledWithMayorGbp(Allocation, Prevention, Threshold - RampWidth, Threshold, PooledPrevention, settlementPoolsPrevention: false, allocationPooledShare: 0, RampWidth));

    [Fact]
    public void PooledWithMayor_RisesSmoothlyThroughTheThresholdToTheFullShare()
    {
        double full = Allocation * Prevention * PooledPrevention;
        double At(double partnership) => IcbRules.PooledWithMayorGbp(Allocation, Prevention, partnership, Threshold, PooledPrevention, settlementPoolsPrevention: false, allocationPooledShare: 0, RampWidth);
        Assert.Equal(full / 2, At(Threshold), 3);
        Assert.Equal(full, At(Threshold + RampWidth / 2), 3);
        Assert.Equal(full, At(0.95), 3);
        // No jump anywhere: a step of 0.001 in partnership moves pooling by at most 0.001 / ramp width of the full share.
        for (double p = 0; p < 1; p += 0.001)
            Assert.True(Math.Abs(At(p + 0.001) - At(p)) <= full * 0.001 / RampWidth * (1 + 1e-9));
    }

    [Fact]
    public void PooledWithMayor_UnderHealthDevolution_IsLargerEvenWithAWeakPartnership()
    {
        double partnership = IcbRules.PooledWithMayorGbp(Allocation, Prevention, 0.9, Threshold, PooledPrevention, settlementPoolsPrevention: false, allocationPooledShare: 0, RampWidth);
        double devolvedWeak = IcbRules.PooledWithMayorGbp(Allocation, Prevention, 0.1, Threshold, PooledPrevention, settlementPoolsPrevention: true, allocationPooledShare: Devolved, RampWidth);
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
