using System.Collections.Immutable;
using UrbanSim.Core.Investors;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;

namespace UrbanSim.Core.Settlements;

/// <summary>
/// A single pot: one multi-year budget paid in annual instalments and carried over. The flexibility share may be
/// spent on any programme; the rest stays ring-fenced by theme in the tied split. Nothing is clawed back
/// (accountability is through outcomes), and investors see a multi-year settlement with no churn.
/// </summary>
internal class SinglePotSettlement : ISettlement
{
    /// <inheritdoc/>
    public virtual string Name => "single_pot";

    /// <inheritdoc/>
    public virtual string Label => "Single pot";

    /// <inheritdoc/>
    public virtual string Description => "One multi-year budget, flexible across themes up to the flexibility share";

    /// <inheritdoc/>
    public virtual ImmutableArray<string> OwnLevers { get; } = ["flexibility_share"];

    /// <inheritdoc/>
    public bool AwardsByCompetition => false;

    /// <inheritdoc/>
    public virtual bool PoolsIcbPrevention => false;

    /// <inheritdoc/>
    public virtual double IcbAllocationPooledShare(PolicyLevers levers) => 0;

    /// <inheritdoc/>
    public virtual double StartAnalyticalCapacity(double lever, PoliticsParameters politics) => lever;

    /// <summary>One instalment per region (funding per head × residents), split into a flexible part and ring-fenced theme parts.</summary>
    public void Pay(in FundingYear year, FundingState state, ref MoneyLedger ledger, ReceivedMoney received)
    {
        for (int r = 0; r < year.RegionPopulation.Length; r++)
        {
            double instalment = year.Levers.FundingPerHeadGbp * year.RegionPopulation[r] * year.FundingFactor;
            state.Single.Pay(r, instalment, year.Levers.FlexibilityShare, state.ThemeShares);
            ledger.PaidToMayorsGbp += instalment;
            received.Add(r, instalment);
        }
    }

    /// <summary>The ring-fenced balances and the flexible balance, at the single pot's spending rate.</summary>
    public void SpendableThisYear(FundingState state, int region, FundingParameters funding, Span<double> themeMoneyGbp, out double flexibleMoneyGbp)
    {
        for (int t = 0; t < Themes.Count; t++) themeMoneyGbp[t] = funding.SinglePotSpendRatePerYear * state.Single.ThemeGbp(region, (Theme)t);
        flexibleMoneyGbp = funding.SinglePotSpendRatePerYear * state.Single.FlexibleGbp(region);
    }

    /// <inheritdoc/>
    public void SpendFromTheme(FundingState state, int region, Theme theme, double amountGbp) => state.Single.SpendTheme(region, theme, amountGbp);

    /// <inheritdoc/>
    public void SpendFlexible(FundingState state, int region, double amountGbp) =>
        state.Single.SpendFlexible(region, Math.Min(amountGbp, state.Single.FlexibleGbp(region)));

    /// <summary>Nothing: a single pot carries over.</summary>
    public double ClawBackEnded(FundingState state, int region, int year) => 0;

    /// <summary>No churn, and the settlement's length as the horizon.</summary>
    public double PolicyUncertainty(FundingState state, int region, FundingParameters funding) =>
        RequiredReturns.PolicyUncertainty(0, funding.SinglePotYears);

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>
/// Health devolution: a single pot plus a share of the ICB's whole allocation pooled with the mayor each year, the
/// ICB's prevention money pooled whatever the partnership, and the ICB's analysts shared with the mayoralty
/// (analytical capacity at least <see cref="PoliticsParameters.HealthDevolutionAnalyticalCapacity"/>).
/// </summary>
internal sealed class HealthDevolution : SinglePotSettlement
{
    /// <inheritdoc/>
    public override string Name => "health_devolution";

    /// <inheritdoc/>
    public override string Label => "Health devolution";

    /// <inheritdoc/>
    public override string Description => "Single pot plus a share of the ICB's allocation pooled with the mayor";

    /// <inheritdoc/>
    public override ImmutableArray<string> OwnLevers { get; } = ["flexibility_share", "icb_pooled_share"];

    /// <inheritdoc/>
    public override bool PoolsIcbPrevention => true;

    /// <inheritdoc/>
    public override double IcbAllocationPooledShare(PolicyLevers levers) => levers.IcbPooledShare;

    /// <inheritdoc/>
    public override double StartAnalyticalCapacity(double lever, PoliticsParameters politics) =>
        Math.Max(lever, politics.HealthDevolutionAnalyticalCapacity);
}
