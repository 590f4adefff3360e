using System.Collections.Immutable;
using UrbanSim.Core.Engine;
using UrbanSim.Core.Investors;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;

namespace UrbanSim.Core.Settlements;

/// <summary>
/// Tied grants: money arrives each year in departmental pots by theme that cannot fund another theme. Part of it is
/// allocated by competition (bids cost money; success rises with capacity); each year's money is a vintage of 1–3
/// years, spent with delay, and clawed back if unspent when it ends; a stream can be discontinued (churn), taking its
/// unspent money with it. Investors see the churn and the short horizon.
/// </summary>
internal sealed class TiedGrants : ISettlement
{
    /// <inheritdoc/>
    public string Name => "tied_grants";

    /// <inheritdoc/>
    public string Label => "Tied grants";

    /// <inheritdoc/>
    public string Description => "Departmental pots that cannot fund another theme; part competitive; short, churned, clawed back";

    /// <inheritdoc/>
    public ImmutableArray<string> OwnLevers { get; } = ["competitive_share", "bid_success_rate", "churn_rate_per_year"];

    /// <inheritdoc/>
    public bool AwardsByCompetition => true;

    /// <inheritdoc/>
    public bool PoolsIcbPrevention => false;

    /// <inheritdoc/>
    public double IcbAllocationPooledShare(PolicyLevers levers) => 0;

    /// <inheritdoc/>
    public double StartAnalyticalCapacity(double lever, PoliticsParameters politics) => lever;

    /// <summary>
    /// For each theme: a competitive round (every region bids when some money is competitive; winners share the
    /// national pot by successful bids × size), bid costs paid from the theme's money, churn (a discontinued stream
    /// is clawed back), then this year's vintage with a life of 1–3 years. Updates the regions' churn record.
    /// </summary>
    public void Pay(in FundingYear year, FundingState state, ref MoneyLedger ledger, ReceivedMoney received)
    {
        var f = year.Parameters.Funding;
        var levers = year.Levers;
        var random = year.Random;
        int regions = year.RegionPopulation.Length;
        int bids = levers.CompetitiveShare > 0 ? f.BidsPerThemePerYear : 0;
        for (int t = 0; t < Themes.Count; t++)
        {
            double pot = 0;
            for (int r = 0; r < regions; r++)
            {
                double notional = year.NotionalGbp(r, state.ThemeShares[t]);
                pot += notional * levers.CompetitiveShare;
                double p = CompetitiveBidding.SuccessProbability(levers.BidSuccessRate, year.Capacity[r], year.Parameters.Politics.DevelopingCapacity);
                int wins = 0;
                for (int b = 0; b < bids; b++)
                    if (random.Uniform(RngStream.Bids, year.Year, r, t * 64 + b) < p) wins++;
                state.Wins[r] = wins;
                state.BidWeight[r] = notional;
            }
            ledger.UnawardedCompetitiveGbp += CompetitiveBidding.Award(pot, state.Wins, state.BidWeight, state.AwardGbp);
            for (int r = 0; r < regions; r++)
            {
                double notional = year.NotionalGbp(r, state.ThemeShares[t]);
                double bidCost = bids * f.BidCostGbp;
                double formula = notional * (1 - levers.CompetitiveShare);
                double award = state.AwardGbp[r];
                // Bids are paid for out of the theme's formula money: a failed bid costs money and brings none.
                double payBids = Math.Min(bidCost, formula + award);
                ledger.BiddingCostGbp += payBids;
                ledger.PaidToMayorsGbp += formula + award;
                received.Add(r, formula + award);
                // Churn: the stream may be discontinued, taking its unspent money with it.
                if (random.Uniform(RngStream.Churn, year.Year, r, t * 2) < levers.ChurnRatePerYear)
                {
                    ledger.ClawbackGbp += state.Tied.Discontinue(r, (Theme)t);
                    state.DiscontinuedThisYear[r]++;
                }
                int life = f.TiedPotMinYears + (int)(random.Uniform(RngStream.Churn, year.Year, r, t * 2 + 1) * (f.TiedPotMaxYears - f.TiedPotMinYears + 1));
                state.Tied.Add(r, (Theme)t, formula + award - payBids, year.Year + life - 1);
            }
        }
        // Exponentially weighted share of the region's streams discontinued per year (tends to the churn rate).
        for (int r = 0; r < regions; r++)
        {
            state.RecentChurn[r] = 0.7 * state.RecentChurn[r] + 0.3 * state.DiscontinuedThisYear[r] / (double)Themes.Count;
            state.DiscontinuedThisYear[r] = 0;
        }
    }

    /// <summary>Each theme's pots, at the tied spending rate: nothing is flexible.</summary>
    public void SpendableThisYear(FundingState state, int region, FundingParameters funding, Span<double> themeMoneyGbp, out double flexibleMoneyGbp)
    {
        for (int t = 0; t < Themes.Count; t++) themeMoneyGbp[t] = funding.TiedSpendRatePerYear * state.Tied.BalanceGbp(region, (Theme)t);
        flexibleMoneyGbp = 0;
    }

    /// <inheritdoc/>
    public void SpendFromTheme(FundingState state, int region, Theme theme, double amountGbp) => state.Tied.Spend(region, theme, amountGbp);

    /// <summary>Nothing to debit: tied grants have no flexible money.</summary>
    public void SpendFlexible(FundingState state, int region, double amountGbp) { }

    /// <summary>Every vintage that ends this year.</summary>
    public double ClawBackEnded(FundingState state, int region, int year) => state.Tied.ClawBackEnded(region, year);

    /// <summary>The region's recent churn, and pots of 1–3 years (their mean life).</summary>
    public double PolicyUncertainty(FundingState state, int region, FundingParameters funding) =>
        RequiredReturns.PolicyUncertainty(state.RecentChurn[region], (funding.TiedPotMinYears + funding.TiedPotMaxYears) / 2.0);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
