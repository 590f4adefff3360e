using UrbanSim.Core.Health;
using UrbanSim.Core.Outcomes;

namespace UrbanSim.Runner.CostEffectiveness;

/// <summary>
/// A variant against the first as a health economist reads it, from the public sector's side: incremental cost is the
/// extra public money spent on programmes and bids (discounted 3.5%) plus the extra NHS treatment cost (discounted
/// 3.5%); the gain is the extra QALYs (discounted 1.5%); the net monetary benefit values a QALY at £70,000 (Green Book).
/// </summary>
internal static class IncrementalCosts
{
    /// <summary>Incremental cost of <paramref name="variant"/>'s outcomes against <paramref name="first"/>'s, £.</summary>
    public static double CostGbp(ReadOnlySpan<double> variant, ReadOnlySpan<double> first) =>
        variant[StandardOutcomes.PublicCostGbp] - first[StandardOutcomes.PublicCostGbp] + variant[StandardOutcomes.NhsCostGbp] - first[StandardOutcomes.NhsCostGbp];

    /// <summary>Incremental QALYs.</summary>
    public static double Qalys(ReadOnlySpan<double> variant, ReadOnlySpan<double> first) =>
        variant[StandardOutcomes.Qalys] - first[StandardOutcomes.Qalys];

    /// <summary>QALYs × £70,000 − incremental cost, £.</summary>
    public static double NetMonetaryBenefitGbp(ReadOnlySpan<double> variant, ReadOnlySpan<double> first) =>
        Qalys(variant, first) * Discounting.QalyValueGbp - CostGbp(variant, first);

    /// <summary>
    /// The comparison in words: what it costs, what it gains, and where that stands against £70,000 per QALY
    /// ("dominates" when it saves money and gains health).
    /// </summary>
    public static string Describe(string variant, string against, double costGbp, double qalys)
    {
        string cost = costGbp >= 0 ? $"costs £{costGbp / 1e6:N0}m more" : $"saves £{-costGbp / 1e6:N0}m";
        string gain = qalys >= 0 ? $"gains {qalys:N0} QALYs" : $"loses {-qalys:N0} QALYs";
        string verdict = (costGbp <= 0, qalys >= 0) switch
        {
            (true, true) => "it dominates (cheaper and healthier)",
            (false, false) => "it is dominated (dearer and less healthy)",
            (false, true) => costGbp / qalys <= Discounting.QalyValueGbp
                ? $"£{costGbp / qalys:N0} per QALY, below the £70,000 a QALY is worth"
                : $"£{costGbp / qalys:N0} per QALY, above the £70,000 a QALY is worth",
            (true, false) => $"it saves £{-costGbp / -qalys:N0} per QALY lost",
        };
        return $"Against {against}, {variant} {cost} (public spending and NHS costs, discounted 3.5%) and {gain} (discounted 1.5%): {verdict}.";
    }
}
