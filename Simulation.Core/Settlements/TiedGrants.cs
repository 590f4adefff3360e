using System.Collections.Immutable;
using UrbanSim.Core.Engine;
using UrbanSim.Core.Investors;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;

namespace UrbanSim.Core.Settlements;

/// <summary>
/// Tied grants: money arrives each year in departmental pots by theme that cannot fund another theme. Part of it is
/// allocated by competition (bids cost money; success rises with capacity). Each year's money is a vintage spent
/// slowly, whose deadline is mostly extended when missed, with a small share forfeited (NAO 2023; PAC 2024). A
/// stream may not be renewed (churn): that year its formula money goes into a new competitive fund the regions must
/// bid for, while money already granted stays. A share of every settlement pays for skills and buses. Investors see
/// the churn and the short horizon.
/// </summary>
internal sealed class TiedGrants : ISettlement
{
    /// <inheritdoc/>
    public string Name => "tied_grants";

    /// <inheritdoc/>
    public string Label => "Tied grants";

    /// <inheritdoc/>
    public string Description => "Departmental pots that cannot fund another theme; part competitive; short-lived streams, slow spending, extended deadlines";

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
    /// For each theme: churn (a stream not renewed this year puts its formula money into the theme's competitive fund),
    /// a competitive round for the fund (every region bids when there is one; winners share it by successful bids ×
    /// size), bid costs and the non-health share paid from the region's money, then this year's vintage with a first
    /// deadline 1–3 years away. Updates the regions' churn record.
    /// </summary>
    public void Pay(in FundingYear year, FundingState state, ref MoneyLedger ledger, ReceivedMoney received)
    {
        var f = year.Parameters.Funding;
        var levers = year.Levers;
        var random = year.Random;
        int regions = year.RegionPopulation.Length;
        for (int t = 0; t < Themes.Count; t++)
        {
            double pot = 0;
            for (int r = 0; r < regions; r++)
            {
                double notional = year.NotionalGbp(r, state.ThemeShares[t]);
                state.Discontinued[r] = random.Uniform(RngStream.Churn, year.Year, r, t * 2) < levers.ChurnRatePerYear;
                pot += notional * (state.Discontinued[r] ? 1 : levers.CompetitiveShare);
                state.BidWeight[r] = notional;
            }
            int bids = pot > 0 ? f.BidsPerThemePerYear : 0;
            for (int r = 0; r < regions; r++)
            {
                double p = CompetitiveBidding.SuccessProbability(levers.BidSuccessRate, year.Capacity[r], year.Parameters.Politics.DevelopingCapacity);
                int wins = 0;
                for (int b = 0; b < bids; b++)
                    if (random.Uniform(RngStream.Bids, year.Year, r, t * 64 + b) < p) wins++;
                state.Wins[r] = wins;
            }
            ledger.UnawardedCompetitiveGbp += CompetitiveBidding.Award(pot, state.Wins, state.BidWeight, state.AwardGbp);
            for (int r = 0; r < regions; r++)
            {
                double notional = year.NotionalGbp(r, state.ThemeShares[t]);
                double formula = state.Discontinued[r] ? 0 : notional * (1 - levers.CompetitiveShare);
                double paid = formula + state.AwardGbp[r];
                double nonHealth = paid * f.NonHealthShare;
                // Bids are paid for out of the region's money, this year's first, then what its pots of the theme hold:
                // a failed bid costs money and brings none.
                double payBids = Math.Min(bids * f.BidCostGbp, paid - nonHealth);
                double fromPots = Math.Min(bids * f.BidCostGbp - payBids, state.Tied.BalanceGbp(r, (Theme)t));
                if (fromPots > 0) state.Tied.Spend(r, (Theme)t, fromPots);
                ledger.BiddingCostGbp += payBids + fromPots;
                ledger.NonHealthSpendGbp += nonHealth;
                ledger.PaidToMayorsGbp += paid;
                received.Add(r, paid, paid - nonHealth);
                if (state.Discontinued[r]) state.DiscontinuedThisYear[r]++;
                int life = f.TiedPotMinYears + (int)(random.Uniform(RngStream.Churn, year.Year, r, t * 2 + 1) * (f.TiedPotMaxYears - f.TiedPotMinYears + 1));
                state.Tied.Add(r, (Theme)t, paid - nonHealth - payBids, year.Year + life - 1);
            }
        }
        // Exponentially weighted share of the region's streams discontinued per year (tends to the churn rate): the record lenders see.
        double memory = year.Parameters.Development.ChurnRecordMemory;
        for (int r = 0; r < regions; r++)
        {
            state.RecentChurn[r] = memory * state.RecentChurn[r] + (1 - memory) * state.DiscontinuedThisYear[r] / (double)Themes.Count;
            state.DiscontinuedThisYear[r] = 0;
        }
    }

    /// <summary>Each theme's pots, at the tied spending rate, of which the money in its final year is due: nothing is flexible.</summary>
    public void SpendableThisYear(FundingState state, int region, int year, FundingParameters funding, Span<double> themeMoneyGbp,
        Span<double> dueThemeMoneyGbp, out double flexibleMoneyGbp)
    {
        for (int t = 0; t < Themes.Count; t++)
        {
            themeMoneyGbp[t] = funding.TiedSpendRatePerYear * state.Tied.BalanceGbp(region, (Theme)t);
            dueThemeMoneyGbp[t] = Math.Min(themeMoneyGbp[t], state.Tied.DueGbp(region, (Theme)t, year, funding.TiedExtensionYears));
        }
        flexibleMoneyGbp = 0;
    }

    /// <summary>Every theme's pots.</summary>
    public double HeldGbp(FundingState state, int region)
    {
        double held = 0;
        for (int t = 0; t < Themes.Count; t++) held += state.Tied.BalanceGbp(region, (Theme)t);
        return held;
    }

    /// <inheritdoc/>
    public void SpendFromTheme(FundingState state, int region, Theme theme, double amountGbp) => state.Tied.Spend(region, theme, amountGbp);

    /// <summary>Nothing to debit: tied grants have no flexible money.</summary>
    public void SpendFlexible(FundingState state, int region, double amountGbp) { }

    /// <summary>Every vintage whose deadline this is: a small share forfeited and the rest extended, or all forfeited after the last extension.</summary>
    public void EndOfYear(FundingState state, int region, int year, FundingParameters funding, ref MoneyLedger ledger) =>
        ledger.ClawbackGbp += state.Tied.EndOfYear(region, year, funding.TiedForfeitShare, funding.TiedExtensionYears, ref ledger.ExtendedGbp);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
