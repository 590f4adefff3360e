using UrbanSim.Core.Scenarios;

namespace UrbanSim.Core.Investors;

/// <summary>
/// Lenders price development finance: each private lender's required return is its hurdle rate plus a premium for the
/// risk it perceives in the place (from its track record, <see cref="Lenders"/>) and for a recession, less what a
/// figurehead mayor's political capital takes off; it lends up to an equal share of the region's lending pool (per
/// resident, smaller in recessions), or nothing when the risk it perceives is above its tolerance. A patient public fund
/// accepts a lower return, but only for healthy schemes and only up to its capital (see
/// <see cref="Development.DevelopmentYear"/>).
/// </summary>
internal static class RequiredReturns
{
    /// <summary>Required return per year on development finance.</summary>
    /// <param name="hurdlePerYear">The lender's hurdle rate.</param>
    /// <param name="perceivedRisk">0 (a place with a clean record) to 1.</param>
    /// <param name="riskPremiumPerYear">Premium at full perceived risk.</param>
    /// <param name="inRecession">Whether a recession is under way.</param>
    /// <param name="recessionPremiumPerYear">Premium during a recession.</param>
    /// <param name="figureheadDiscountPerYear">The fall in the required return a mayor's political capital brings, already scaled by it.</param>
    public static double RequiredReturnPerYear(double hurdlePerYear, double perceivedRisk,
        double riskPremiumPerYear, bool inRecession, double recessionPremiumPerYear, double figureheadDiscountPerYear = 0) =>
        Math.Max(0, hurdlePerYear + Math.Clamp(perceivedRisk, 0, 1) * riskPremiumPerYear
        + (inRecession ? recessionPremiumPerYear : 0) - figureheadDiscountPerYear);

    /// <summary>
    /// Step 4 of a year: each lender's required return and money to lend in each region (none where the risk it perceives
    /// is above its tolerance), the region's best rate and all its lenders have left, and each region's share of the patient fund's
    /// capital for the year (<paramref name="patientCapitalGbpPerYear"/> shared between regions by population).
    /// </summary>
    /// <param name="parameters">The replication's parameters.</param>
    /// <param name="inRecession">Whether a recession is under way.</param>
    /// <param name="regionPopulation">[region] residents at the start.</param>
    /// <param name="patientCapitalGbpPerYear">The patient fund's capital for the year.</param>
    /// <param name="finance">Where the year's finance conditions are set.</param>
    /// <param name="politicalCapital">[region] each mayor's political capital: a figurehead lowers the risk lenders price.</param>
    public static void SetForYear(ModelParameters parameters, bool inRecession, ReadOnlySpan<double> regionPopulation, double patientCapitalGbpPerYear,
        FinanceState finance, ReadOnlySpan<double> politicalCapital)
    {
        double worldPopulation = 0;
        for (int r = 0; r < regionPopulation.Length; r++) worldPopulation += regionPopulation[r];
        for (int r = 0; r < regionPopulation.Length; r++)
            finance.PatientLeftGbp[r] = worldPopulation > 0 ? patientCapitalGbpPerYear * regionPopulation[r] / worldPopulation : 0;
        var d = parameters.Development;
        int lenders = finance.LendersPerRegion;
        for (int r = 0; r < regionPopulation.Length; r++)
        {
            double pool = d.PrivateLendingGbpPerHeadPerYear * regionPopulation[r] * (inRecession ? 1 - d.RecessionLendingFall : 1);
            double figurehead = parameters.Politics.FigureheadRiskDiscountPerYear * Math.Clamp(politicalCapital[r], 0, 1);
            double best = double.PositiveInfinity, total = 0;
            for (int k = 0; k < lenders; k++)
            {
                int l = r * lenders + k;
                double risk = finance.LenderPerceivedRisk[l];
                if (risk > Lenders.RiskTolerance(k, lenders, d))
                {
                    finance.LenderRatePerYear[l] = double.PositiveInfinity;
                    finance.LenderLeftGbp[l] = 0;
                    finance.LenderYearsWithdrawn[l] += 1;
                    continue;
                }
                finance.LenderRatePerYear[l] = RequiredReturnPerYear(Lenders.HurdlePerYear(k, lenders, d), risk, d.UncertaintyPremiumPerYear,
                    inRecession, d.RecessionPremiumPerYear, figurehead);
                finance.LenderLeftGbp[l] = pool / lenders;
                best = Math.Min(best, finance.LenderRatePerYear[l]);
                total += finance.LenderLeftGbp[l];
            }
            finance.RequiredReturnPerYear[r] = best;
            finance.LendingLeftGbp[r] = total;
            Lenders.RankByRate(finance, r);
        }
    }
}
