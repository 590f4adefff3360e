using UrbanSim.Core.Engine;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.Settlements;
using static UrbanSim.Core.Tests.Engine.EngineHarness;

namespace UrbanSim.Core.Tests.Engine;

/// <summary>Tied grants' costs in whole runs: failed bids and clawback.</summary>
public class SettlementOutcomeTests
{
    [Fact]
    public void FailedBids_CostMoneyAndBringNone()
    {
        const double share = 0.33;
        var scenario = TwoRegions(
            Variant("formula_only", SettlementCatalogue.TiedGrants, l => l with { CompetitiveShare = 0, ChurnRatePerYear = 0, IcbPartnership = 0 }),
            Variant("all_bids_fail", SettlementCatalogue.TiedGrants, l => l with { CompetitiveShare = share, ChurnRatePerYear = 0, BidSuccessRate = 0, IcbPartnership = 0 })) with
        {
            // No convening: no ICB money is pooled, so what mayors are paid is central money only.
            Parameters = new ModelParameters { Politics = new PoliticsParameters { ConveningGainPerYear = 0 }, Icb = new IcbParameters { SavingsResponse = 0 } },
        };

        var result = Run(scenario);
        var formulaOnly = result.Ledger[0];
        var allFail = result.Ledger[1];

        Assert.True(result.Get(1, StandardOutcomes.BiddingCostGbp) > 0);
        Assert.Equal(allFail.BiddingCostGbp, result.Get(1, StandardOutcomes.BiddingCostGbp), 6);
        // Only the formula part arrives: nothing of the competitive third.
        Assert.Equal((1 - share) * formulaOnly.PaidToMayorsGbp, allFail.PaidToMayorsGbp, 1e-9 * formulaOnly.PaidToMayorsGbp);
        Assert.Equal(share * formulaOnly.PaidToMayorsGbp, allFail.UnawardedCompetitiveGbp, 1e-9 * formulaOnly.PaidToMayorsGbp);
        // And the bids were paid for out of that formula money, leaving less to spend.
        Assert.True(allFail.PaidToMayorsGbp - allFail.BiddingCostGbp < (1 - share) * formulaOnly.PaidToMayorsGbp);
    }

    [Fact]
    public void SuccessfulBids_BringCompetitiveMoney()
    {
        var scenario = TwoRegions(
            Variant("all_bids_fail", SettlementCatalogue.TiedGrants, l => l with { BidSuccessRate = 0, IcbPartnership = 0 }),
            Variant("bids_win", SettlementCatalogue.TiedGrants, l => l with { BidSuccessRate = 0.5, IcbPartnership = 0 }));
        var result = Run(scenario);
        Assert.True(result.Ledger[1].PaidToMayorsGbp > result.Ledger[0].PaidToMayorsGbp);
        Assert.True(result.Ledger[1].UnawardedCompetitiveGbp < result.Ledger[0].UnawardedCompetitiveGbp);
    }

    [Fact]
    public void TiedGrants_WithoutCompetitiveMoney_NoBidsArePaidFor()
    {
        // With nothing allocated by competition and no stream discontinued (whose money would be re-bid for), there is no
        // round to bid in, so no bid should cost anything.
        var scenario = Small(Variant("formula_only", SettlementCatalogue.TiedGrants, l => l with { CompetitiveShare = 0, ChurnRatePerYear = 0 }));
        var result = Run(scenario);
        Assert.Equal(0, result.Get(0, StandardOutcomes.BiddingCostGbp));
    }

    [Fact]
    public void SinglePot_HasNoBiddingCost()
    {
        var result = Run(Small(Variant("single", SettlementCatalogue.SinglePot)));
        Assert.Equal(0, result.Get(0, StandardOutcomes.BiddingCostGbp));
        Assert.True(result.Ledger[0].PaidToMayorsGbp > 0);
    }

    [Fact]
    public void Clawback_TiedGrantsWithSlowSpending_LoseMoney_SinglePotDoesNot()
    {
        var p = NoShocks();
        var scenario = Small(
            Variant("tied", SettlementCatalogue.TiedGrants, l => l with { ChurnRatePerYear = 0 }),
            Variant("single", SettlementCatalogue.SinglePot),
            Variant("devolved", SettlementCatalogue.HealthDevolution)) with
        {
            Parameters = p with { Funding = p.Funding with { TiedSpendRatePerYear = 0.1 } },
        };
        var result = Run(scenario);
        Assert.True(result.Get(0, StandardOutcomes.ClawbackGbp) > 0);
        Assert.Equal(result.Ledger[0].ClawbackGbp, result.Get(0, StandardOutcomes.ClawbackGbp));
        // Churn forfeits nothing of what was granted: less arrives, so no more is left at the last deadline.
        Assert.True(result.Get(1, StandardOutcomes.ClawbackGbp) <= result.Get(0, StandardOutcomes.ClawbackGbp));
        Assert.Equal(0, result.Get(2, StandardOutcomes.ClawbackGbp));
    }

    [Fact]
    public void Clawback_FallsWhenTiedMoneyIsSpentFaster()
    {
        var p = NoShocks();
        var slow = Small(Variant("tied", SettlementCatalogue.TiedGrants, l => l with { ChurnRatePerYear = 0 })) with
        {
            Parameters = p with { Funding = p.Funding with { TiedSpendRatePerYear = 0.1 } },
        };
        var fast = slow with { Parameters = p with { Funding = p.Funding with { TiedSpendRatePerYear = 0.9 } } };
        Assert.True(Run(fast).Get(0, StandardOutcomes.ClawbackGbp) < Run(slow).Get(0, StandardOutcomes.ClawbackGbp));
    }

    [Fact]
    public void Churn_PutsADiscontinuedStreamsMoneyUpForBidsAndTakesNothingAlreadyGranted()
    {
        var p = NoShocks();
        // Every bid fails: a discontinued stream's formula money goes into a competitive fund that nobody wins. Money
        // already granted is kept, not clawed back.
        // (No convening either, so no ICB money is pooled and what mayors are paid is central money only.)
        var noForfeit = p with { Funding = p.Funding with { TiedForfeitShare = 0, TiedExtensionYears = 5 }, Politics = p.Politics with { ConveningGainPerYear = 0 }, Icb = p.Icb with { SavingsResponse = 0 } };
        var scenario = Small(
            Variant("no_churn", SettlementCatalogue.TiedGrants, l => l with { ChurnRatePerYear = 0, CompetitiveShare = 0, BidSuccessRate = 0 }),
            Variant("churn", SettlementCatalogue.TiedGrants, l => l with { ChurnRatePerYear = 0.5, CompetitiveShare = 0, BidSuccessRate = 0 })) with
        {
            Parameters = noForfeit,
        };
        var result = Run(scenario);
        Assert.Equal(0, result.Ledger[0].UnawardedCompetitiveGbp);
        Assert.Equal(0, result.Get(0, StandardOutcomes.BiddingCostGbp));
        Assert.True(result.Ledger[1].UnawardedCompetitiveGbp > 0.3 * result.Ledger[0].PaidToMayorsGbp, "about half the streams' money went up for bids");
        Assert.True(result.Get(1, StandardOutcomes.BiddingCostGbp) > 0, "regions bid for the new fund");
        Assert.Equal(result.Ledger[0].PaidToMayorsGbp, result.Ledger[1].PaidToMayorsGbp + result.Ledger[1].UnawardedCompetitiveGbp, 1e-6 * result.Ledger[0].PaidToMayorsGbp);
        // Churn forfeits nothing of what was granted: less arrives, so no more is left at the last deadline.
        Assert.True(result.Get(1, StandardOutcomes.ClawbackGbp) <= result.Get(0, StandardOutcomes.ClawbackGbp));
    }
}
