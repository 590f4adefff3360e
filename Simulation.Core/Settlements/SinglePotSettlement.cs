using System.Collections.Immutable;
using UrbanSim.Core.Investors;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;

namespace UrbanSim.Core.Settlements;

/// <summary>
/// A single pot (an integrated settlement): one multi-year budget paid in annual instalments and carried over. The
/// flexibility share may be spent on any programme; the rest stays ring-fenced by theme in the tied split; a share
/// pays for skills and buses. Nothing is clawed back: accountability is through an outcomes framework reviewed at
/// the end of each settlement period, and a mayoralty that delivered too little of its money keeps less flexibility
/// for the next. Investors see a multi-year settlement with no churn.
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

    /// <summary>
    /// One instalment per region (funding per head × residents): the non-health share spent on skills and buses, the
    /// rest split into a flexible part (the flexibility share, less any withdrawn after a missed review) and
    /// ring-fenced theme parts.
    /// </summary>
    public void Pay(in FundingYear year, FundingState state, ref MoneyLedger ledger, ReceivedMoney received)
    {
        double nonHealthShare = year.Parameters.Funding.NonHealthShare;
        for (int r = 0; r < year.RegionPopulation.Length; r++)
        {
            double instalment = year.Levers.FundingPerHeadGbp * year.RegionPopulation[r] * year.FundingFactor;
            double nonHealth = instalment * nonHealthShare;
            state.Single.Pay(r, instalment - nonHealth, year.Levers.FlexibilityShare * state.FlexibilityFactor[r], state.ThemeShares);
            state.ReviewReceivedGbp[r] += instalment - nonHealth;
            ledger.NonHealthSpendGbp += nonHealth;
            ledger.PaidToMayorsGbp += instalment;
            received.Add(r, instalment, instalment - nonHealth);
        }
    }

    /// <summary>The ring-fenced balances and the flexible balance, at the single pot's spending rate; none is due (it carries over).</summary>
    public void SpendableThisYear(FundingState state, int region, int year, FundingParameters funding, Span<double> themeMoneyGbp,
        Span<double> dueThemeMoneyGbp, out double flexibleMoneyGbp)
    {
        for (int t = 0; t < Themes.Count; t++) themeMoneyGbp[t] = funding.SinglePotSpendRatePerYear * state.Single.ThemeGbp(region, (Theme)t);
        dueThemeMoneyGbp.Clear();
        flexibleMoneyGbp = funding.SinglePotSpendRatePerYear * state.Single.FlexibleGbp(region);
    }

    /// <summary>The flexible balance and every ring-fenced theme balance.</summary>
    public double HeldGbp(FundingState state, int region)
    {
        double held = state.Single.FlexibleGbp(region);
        for (int t = 0; t < Themes.Count; t++) held += state.Single.ThemeGbp(region, (Theme)t);
        return held;
    }

    /// <inheritdoc/>
    public void SpendFromTheme(FundingState state, int region, Theme theme, double amountGbp)
    {
        state.Single.SpendTheme(region, theme, amountGbp);
        state.ReviewSpentGbp[region] += amountGbp;
    }

    /// <inheritdoc/>
    public void SpendFlexible(FundingState state, int region, double amountGbp)
    {
        double spent = Math.Min(amountGbp, state.Single.FlexibleGbp(region));
        state.Single.SpendFlexible(region, spent);
        state.ReviewSpentGbp[region] += spent;
    }

    /// <summary>
    /// Nothing is forfeited: a single pot carries over. At the end of each settlement period the outcomes framework
    /// reviews delivery: a mayoralty that spent less than the required share of the period's money keeps only
    /// 1 − the flexibility loss of its flexibility for the next period.
    /// </summary>
    public void EndOfYear(FundingState state, int region, int year, FundingParameters funding, ref MoneyLedger ledger)
    {
        if ((year + 1) % funding.SinglePotYears != 0) return;
        double received = state.ReviewReceivedGbp[region];
        bool missed = received > 0 && state.ReviewSpentGbp[region] < funding.OutcomesFrameworkMinimumDelivery * received;
        state.FlexibilityFactor[region] = missed ? 1 - funding.OutcomesFrameworkFlexibilityLoss : 1;
        if (missed) ledger.OutcomesFrameworkMisses++;
        state.ReviewReceivedGbp[region] = state.ReviewSpentGbp[region] = 0;
    }

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
