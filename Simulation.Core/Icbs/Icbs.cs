using UrbanSim.Core.Scenarios;
using UrbanSim.Core.Settlements;

namespace UrbanSim.Core.Icbs;

/// <summary>
/// Integrated Care Boards' rules: they hold the NHS allocation, pay the treatment costs of disease, spend a
/// prevention share, and pool money with the mayor when the partnership or the settlement allows.
/// </summary>
internal static class IcbRules
{
    /// <summary>
    /// Money the ICB pools with the mayor this year, £: half (by default) of its prevention budget when the
    /// partnership is strong enough or the settlement pools prevention, plus a share of its whole allocation
    /// under health devolution.
    /// </summary>
    public static double PooledWithMayorGbp(double allocationGbp, double preventionShare, double partnership,
        double poolingThreshold, double pooledPreventionShare, bool settlementPoolsPrevention, double allocationPooledShare)
    {
        double prevention = allocationGbp * preventionShare;
        double pooled = partnership >= poolingThreshold || settlementPoolsPrevention ? prevention * pooledPreventionShare : 0;
        if (allocationPooledShare > 0) pooled += allocationGbp * allocationPooledShare;
        return pooled;
    }

    /// <summary>Annual treatment cost of a zone's disease and cold homes, £: cases × cost per case, plus cold homes × cost per home.</summary>
    public static double TreatmentCostGbp(ReadOnlySpan<double> casesByDisease, ReadOnlySpan<double> costPerCaseGbp,
        double coldHomes, double costPerColdHomeGbp)
    {
        double cost = coldHomes * costPerColdHomeGbp;
        for (int d = 0; d < casesByDisease.Length; d++) cost += casesByDisease[d] * costPerCaseGbp[d];
        return cost;
    }

    /// <summary>
    /// Each ICB's offer to pool with its mayor this year (allocation per head × residents; the settlement and the
    /// partnership decide how much), into <see cref="IcbState.PooledOfferedGbp"/>.
    /// </summary>
    public static void OfferPooling(ISettlement settlement, PolicyLevers levers, IcbParameters icb, ReadOnlySpan<double> regionPopulation, IcbState state)
    {
        double allocationShare = settlement.IcbAllocationPooledShare(levers);
        for (int r = 0; r < regionPopulation.Length; r++)
        {
            double allocation = icb.AllocationGbpPerHead * regionPopulation[r];
            state.AllocationGbpPerYear[r] = allocation;
            state.PooledOfferedGbp[r] = PooledWithMayorGbp(allocation, icb.PreventionShare, levers.IcbPartnership,
                icb.PartnershipPoolingThreshold, icb.PartnershipPooledPreventionShare, settlement.PoolsIcbPrevention, allocationShare);
        }
    }
}
