using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.Settlements;

namespace UrbanSim.Core.Tests.Engine;

/// <summary>What each region's agents did adds up to the world's outcomes: nothing is counted twice or lost between them.</summary>
public class AgentOutcomeTests
{
    private static readonly Scenario Scenario = EngineHarness.TwoRegions(
        EngineHarness.Variant("tied", SettlementCatalogue.TiedGrants),
        EngineHarness.Variant("fund", SettlementCatalogue.SinglePot, l => l with { PatientCapitalGbpPerYear = 200e6 })) with { HorizonYears = 12 };

    private static double SumOverRegions(ReplicationResult result, int variant, int quantity)
    {
        double sum = 0;
        for (int r = 0; r < result.Regions; r++) sum += result.RegionOutcomesOf(variant, r)[quantity];
        return sum;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void DevelopersAndLenders_OfEveryRegion_AddUpToTheWorldsDevelopmentOutcomes(int variant)
    {
        var result = EngineHarness.Run(Scenario, replication: 3);
        double Outcome(int o) => result.Get(variant, o);
        Assert.True(SumOverRegions(result, variant, RegionOutcomes.DevelopersSchemesStarted) > 0);
        Assert.Equal(Outcome(StandardOutcomes.DeveloperProfitGbp), SumOverRegions(result, variant, RegionOutcomes.DevelopersProfitGbp), Outcome(StandardOutcomes.DeveloperProfitGbp) * 1e-12);
        Assert.Equal(Outcome(StandardOutcomes.InvestorReturnGbp), SumOverRegions(result, variant, RegionOutcomes.LendersFinanceIncomeGbp), Outcome(StandardOutcomes.InvestorReturnGbp) * 1e-12);
        Assert.Equal(Outcome(StandardOutcomes.PatientCapitalGbp), SumOverRegions(result, variant, RegionOutcomes.LendersPatientLentGbp), 1e-3);
        // Homes started but not finished by the end are the only difference between homes started and built.
        Assert.True(SumOverRegions(result, variant, RegionOutcomes.DevelopersHomesStarted) >= Outcome(StandardOutcomes.HomesBuilt));
        // Private lending finances the loan-to-cost share of what is not paid by the patient fund.
        Assert.True(SumOverRegions(result, variant, RegionOutcomes.LendersLentGbp) <= Outcome(StandardOutcomes.PrivateInvestmentGbp));
    }

    [Fact]
    public void ThePatientFund_LendsOnlyInTheVariantThatHasOne()
    {
        var result = EngineHarness.Run(Scenario, replication: 3);
        Assert.Equal(0, SumOverRegions(result, 0, RegionOutcomes.LendersPatientLentGbp));
        Assert.True(SumOverRegions(result, 1, RegionOutcomes.LendersPatientLentGbp) > 0);
    }
}
