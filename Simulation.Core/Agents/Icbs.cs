namespace UrbanSim.Core.Agents;

/// <summary>
/// Integrated Care Boards: they hold the NHS allocation, pay the treatment costs of disease, spend a
/// prevention share, and pool money with the mayor when the partnership or the settlement allows.
/// </summary>
public static class Icbs
{
    /// <summary>
    /// Money the ICB pools with the mayor this year, £: half (by default) of its prevention budget when the
    /// partnership is strong enough, plus a share of its whole allocation under health devolution.
    /// </summary>
    public static double PooledWithMayorGbp(double allocationGbp, double preventionShare, double partnership,
        double poolingThreshold, double pooledPreventionShare, bool healthDevolution, double devolvedPooledShare)
    {
        double prevention = allocationGbp * preventionShare;
        double pooled = partnership >= poolingThreshold || healthDevolution ? prevention * pooledPreventionShare : 0;
        if (healthDevolution) pooled += allocationGbp * devolvedPooledShare;
        return pooled;
    }

    /// <summary>Annual treatment cost of a zone's disease and cold homes, £.</summary>
    public static double TreatmentCostGbp(ReadOnlySpan<double> casesByDisease, ReadOnlySpan<double> costPerCaseGbp,
        double coldHomes, double costPerColdHomeGbp)
    {
        double cost = coldHomes * costPerColdHomeGbp;
        for (int d = 0; d < casesByDisease.Length; d++) cost += casesByDisease[d] * costPerCaseGbp[d];
        return cost;
    }
}
