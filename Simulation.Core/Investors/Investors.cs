using UrbanSim.Core.Scenarios;
using UrbanSim.Core.Settlements;

namespace UrbanSim.Core.Investors;

/// <summary>
/// Investors price development finance: a base required return plus a premium that rises with policy uncertainty
/// (churned, short-lived funding, as the settlement shows it) and during recessions; private lending is a pool per
/// resident that shrinks in recessions. A patient public fund accepts a lower return, but only for healthy schemes
/// and only up to its capital (see <see cref="Development.DevelopmentYear"/>).
/// </summary>
internal static class RequiredReturns
{
    /// <summary>Required return per year on development finance.</summary>
    /// <param name="baseReturnPerYear">Base hurdle rate.</param>
    /// <param name="policyUncertainty">0 (stable, multi-year) to 1 (every stream churned).</param>
    /// <param name="uncertaintyPremiumPerYear">Premium at full uncertainty.</param>
    /// <param name="inRecession">Whether a recession is under way.</param>
    /// <param name="recessionPremiumPerYear">Premium during a recession.</param>
    /// <param name="figureheadDiscountPerYear">The fall in the required return a mayor's political capital brings, already scaled by it.</param>
    public static double RequiredReturnPerYear(double baseReturnPerYear, double policyUncertainty,
        double uncertaintyPremiumPerYear, bool inRecession, double recessionPremiumPerYear, double figureheadDiscountPerYear = 0) =>
        Math.Max(0, baseReturnPerYear + Math.Clamp(policyUncertainty, 0, 1) * uncertaintyPremiumPerYear
        + (inRecession ? recessionPremiumPerYear : 0) - figureheadDiscountPerYear);

    /// <summary>
    /// Policy uncertainty a region's investors perceive: the share of its funding streams discontinued
    /// recently, blended with how short its funding horizon is (1-year pots = 1, 5+ years = 0).
    /// </summary>
    public static double PolicyUncertainty(double recentChurnShare, double fundingHorizonYears) =>
        Math.Clamp(0.5 * recentChurnShare + 0.5 * Math.Clamp((5 - fundingHorizonYears) / 4, 0, 1), 0, 1);

    /// <summary>
    /// Step 4 of a year: each region's required return, from the policy uncertainty its settlement shows, the
    /// cycle, and its mayor's political capital; its private lending pool for the year; and its share of the patient fund's capital for the year
    /// (<paramref name="patientCapitalGbpPerYear"/> shared between regions by population, so no region is served first).
    /// </summary>
    /// <param name="settlement">The variant's settlement (the policy uncertainty it shows).</param>
    /// <param name="funding">The pots and the churn record.</param>
    /// <param name="parameters">The replication's parameters.</param>
    /// <param name="inRecession">Whether a recession is under way.</param>
    /// <param name="regionPopulation">[region] residents at the start.</param>
    /// <param name="patientCapitalGbpPerYear">The patient fund's capital for the year.</param>
    /// <param name="finance">Where the year's finance conditions are set.</param>
    /// <param name="politicalCapital">[region] each mayor's political capital: a figurehead lowers the risk investors perceive.</param>
    public static void SetForYear(ISettlement settlement, FundingState funding, ModelParameters parameters, bool inRecession,
        ReadOnlySpan<double> regionPopulation, double patientCapitalGbpPerYear, FinanceState finance, ReadOnlySpan<double> politicalCapital)
    {
        double worldPopulation = 0;
        for (int r = 0; r < regionPopulation.Length; r++) worldPopulation += regionPopulation[r];
        for (int r = 0; r < regionPopulation.Length; r++)
            finance.PatientLeftGbp[r] = worldPopulation > 0 ? patientCapitalGbpPerYear * regionPopulation[r] / worldPopulation : 0;
        var d = parameters.Development;
        for (int r = 0; r < regionPopulation.Length; r++)
        {
            double uncertainty = settlement.PolicyUncertainty(funding, r, parameters.Funding);
            finance.RequiredReturnPerYear[r] = RequiredReturnPerYear(d.BaseRequiredReturnPerYear, uncertainty,
                d.UncertaintyPremiumPerYear, inRecession, d.RecessionPremiumPerYear,
                parameters.Politics.FigureheadRiskDiscountPerYear * Math.Clamp(politicalCapital[r], 0, 1));
            finance.LendingLeftGbp[r] = d.PrivateLendingGbpPerHeadPerYear * regionPopulation[r] * (inRecession ? 1 - d.RecessionLendingFall : 1);
        }
    }
}
