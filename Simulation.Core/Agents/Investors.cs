namespace UrbanSim.Core.Agents;

/// <summary>
/// Investors price development finance: a base required return plus a premium that rises with
/// policy uncertainty (churned, short-lived funding) and during recessions. A patient public fund
/// accepts a lower return, but only for healthy schemes and only up to its capital.
/// </summary>
public static class Investors
{
    /// <summary>Required return per year on development finance.</summary>
    /// <param name="baseReturnPerYear">Base hurdle rate.</param>
    /// <param name="policyUncertainty">0 (stable, multi-year) to 1 (every stream churned).</param>
    /// <param name="uncertaintyPremiumPerYear">Premium at full uncertainty.</param>
    /// <param name="inRecession">Whether a recession is under way.</param>
    /// <param name="recessionPremiumPerYear">Premium during a recession.</param>
    public static double RequiredReturnPerYear(double baseReturnPerYear, double policyUncertainty,
        double uncertaintyPremiumPerYear, bool inRecession, double recessionPremiumPerYear) =>
        baseReturnPerYear + Math.Clamp(policyUncertainty, 0, 1) * uncertaintyPremiumPerYear
        + (inRecession ? recessionPremiumPerYear : 0);

    /// <summary>
    /// Policy uncertainty a region's investors perceive: the share of its funding streams discontinued
    /// recently, blended with how short its funding horizon is (1-year pots = 1, 5+ years = 0).
    /// </summary>
    public static double PolicyUncertainty(double recentChurnShare, double fundingHorizonYears) =>
        Math.Clamp(0.5 * recentChurnShare + 0.5 * Math.Clamp((5 - fundingHorizonYears) / 4, 0, 1), 0, 1);
}
