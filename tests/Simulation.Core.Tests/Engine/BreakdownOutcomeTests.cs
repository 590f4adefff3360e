using UrbanSim.Core.Engine;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.Settlements;
using UrbanSim.Core.World;
using Xunit;

namespace UrbanSim.Core.Tests.Engine;

/// <summary>Results broken down by deprivation decile, zone, capacity class and agent.</summary>
public class BreakdownOutcomeTests
{
    private static readonly Scenario Mixed = EngineHarness.TwoRegions(
        EngineHarness.Variant("tied", SettlementCatalogue.TiedGrants),
        EngineHarness.Variant("single", SettlementCatalogue.SinglePot));

    [Fact]
    public void StartYearHleRisesFromTheMostToTheLeastDeprivedDecile()
    {
        var scenario = Scenario(new WorldSpec { Regions = [new RegionSpec("A", CapacityClass.Established, 120)] });
        var result = EngineHarness.Run(scenario);
        var populated = result.BaselineDecileHleYears.Where(double.IsFinite).ToArray();
        Assert.True(populated.Length >= 8, $"only {populated.Length} deciles populated");
        // Least deprived deciles live longer in good health (England: a gap of about 19 years).
        Assert.True(populated[^1] - populated[0] > 8, $"gap {populated[^1] - populated[0]:F1} years");
    }

    [Fact]
    public void DecilesWithoutZonesAreMarkedMissingNotZero()
    {
        // With no convening the partnership stays below the pooling threshold, so no ICB money is pooled with the mayor.
        var noPooling = Mixed with { Parameters = Mixed.Parameters with { Politics = Mixed.Parameters.Politics with { ConveningGainPerYear = 0 }, Icb = Mixed.Parameters.Icb with { SavingsResponse = 0 } } };
        var runner = new ReplicationRunner(noPooling);
        var result = EngineHarness.Run(noPooling, runner: runner);
        var zoneDeciles = runner.StartWorld.Zones.Decile.ToHashSet();
        for (int d = 1; d <= ReplicationResult.Deciles; d++)
        {
            bool present = zoneDeciles.Contains(d);
            Assert.Equal(present, double.IsFinite(result.BaselineDecileHleYears[d - 1]));
            Assert.Equal(present, double.IsFinite(result.DecileHleYears[ReplicationResult.Deciles + d - 1]));
        }
    }

    [Fact]
    public void ZoneLifeExpectanciesAverageToTheWorldsWithinHalfAYear()
    {
        // With no convening the partnership stays below the pooling threshold, so no ICB money is pooled with the mayor.
        var noPooling = Mixed with { Parameters = Mixed.Parameters with { Politics = Mixed.Parameters.Politics with { ConveningGainPerYear = 0 }, Icb = Mixed.Parameters.Icb with { SavingsResponse = 0 } } };
        var runner = new ReplicationRunner(noPooling);
        var result = EngineHarness.Run(noPooling, runner: runner);
        var world = runner.StartWorld;
        double weighted = 0, people = 0;
        for (int z = 0; z < world.ZoneCount; z++) { weighted += world.Health.ZonePopulation(z) * result.ZoneBaseline[z * 2 + 1]; people += world.Health.ZonePopulation(z); }
        Assert.InRange(weighted / people - result.BaselineValues[Baseline.LeYears], -0.5, 0.5);
        for (int v = 0; v < Mixed.Variants.Length; v++)
            for (int z = 0; z < world.ZoneCount; z++)
            {
                double hle = result.ZoneFinal[(v * world.ZoneCount + z) * 2], le = result.ZoneFinal[(v * world.ZoneCount + z) * 2 + 1];
                Assert.InRange(hle, 40, le);
                Assert.InRange(le, 65, 95);
            }
    }

    [Fact]
    public void HleChangeByCapacityClassIsEmptyForAClassTheWorldLacks()
    {
        var result = EngineHarness.Run(Mixed);   // established and new, no developing mayoralty
        Assert.True(double.IsFinite(result.Get(0, StandardOutcomes.FirstHleChangeByCapacity + (int)CapacityClass.Established)));
        Assert.True(double.IsNaN(result.Get(0, StandardOutcomes.FirstHleChangeByCapacity + (int)CapacityClass.Developing)));
        Assert.True(double.IsNaN(result.Get(0, StandardOutcomes.FirstFundingPerHeadByCapacity + (int)CapacityClass.Developing)));
        Assert.True(double.IsFinite(result.Get(0, StandardOutcomes.FirstFundingPerHeadByCapacity + (int)CapacityClass.New)));
    }

    [Fact]
    public void CentralMoneyByClassAddsUpToWhatMayorsWerePaid()
    {
        // With no convening the partnership stays below the pooling threshold, so no ICB money is pooled with the mayor.
        var noPooling = Mixed with { Parameters = Mixed.Parameters with { Politics = Mixed.Parameters.Politics with { ConveningGainPerYear = 0 }, Icb = Mixed.Parameters.Icb with { SavingsResponse = 0 } } };
        var runner = new ReplicationRunner(noPooling);
        var result = EngineHarness.Run(noPooling, runner: runner);
        var world = runner.StartWorld;
        for (int v = 0; v < Mixed.Variants.Length; v++)
        {
            double total = 0;
            foreach (var c in new[] { CapacityClass.Established, CapacityClass.New })
            {
                double people = 0;
                for (int z = 0; z < world.ZoneCount; z++)
                    if (world.Regions.CapacityClass[world.Zones.Region[z]] == c) people += world.Health.ZonePopulation(z);
                total += result.Get(v, StandardOutcomes.FirstFundingPerHeadByCapacity + (int)c) * people;
            }
            // No ICB money is pooled with the mayor, so every £ paid came from central government.
            Assert.Equal(result.Ledger[v].PaidToMayorsGbp, total, result.Ledger[v].PaidToMayorsGbp * 1e-9);
        }
    }

    [Fact]
    public void WithoutCompetitionAHeadOfPopulationGetsTheSameMoneyWhateverTheMayorsCapacity()
    {
        // No competitive share and no churn (a discontinued stream's money is re-bid for): all money by formula.
        var formulaOnly = Mixed with { Variants = [EngineHarness.Variant("formula", SettlementCatalogue.TiedGrants, l => l with { CompetitiveShare = 0, ChurnRatePerYear = 0 })] };
        var result = EngineHarness.Run(formulaOnly);
        double established = result.Get(0, StandardOutcomes.FirstFundingPerHeadByCapacity + (int)CapacityClass.Established);
        double @new = result.Get(0, StandardOutcomes.FirstFundingPerHeadByCapacity + (int)CapacityClass.New);
        Assert.Equal(established, @new, established * 1e-9);
    }

    [Fact]
    public void CompetitionMovesMoneyPerHeadTowardsEstablishedMayors()
    {
        var competitive = Mixed with { Variants = [EngineHarness.Variant("bids", SettlementCatalogue.TiedGrants, l => l with { CompetitiveShare = 0.66 })] };
        double established = EngineHarness.SumOverReplications(competitive, 8, 0, StandardOutcomes.FirstFundingPerHeadByCapacity + (int)CapacityClass.Established);
        double @new = EngineHarness.SumOverReplications(competitive, 8, 0, StandardOutcomes.FirstFundingPerHeadByCapacity + (int)CapacityClass.New);
        Assert.True(established > @new * 1.05, $"established £{established / 8:F0} vs new £{@new / 8:F0} per head");
    }

    [Fact]
    public void DevelopersProfitAndLendersEarnOnlyWhenSchemesStart()
    {
        var result = EngineHarness.Run(Mixed);
        for (int v = 0; v < Mixed.Variants.Length; v++)
        {
            bool built = result.Get(v, StandardOutcomes.PrivateInvestmentGbp) > 0;
            Assert.Equal(built, result.Get(v, StandardOutcomes.DeveloperProfitGbp) > 0);
            Assert.Equal(built, result.Get(v, StandardOutcomes.InvestorReturnGbp) > 0);
            // Profit is a share of sales value (~17.5%), lenders' income a few per cent of cost: both below the investment.
            Assert.True(result.Get(v, StandardOutcomes.InvestorReturnGbp) < result.Get(v, StandardOutcomes.PrivateInvestmentGbp) * 0.2);
        }
    }

    private static Scenario Scenario(WorldSpec world) => EngineHarness.Small(EngineHarness.Variant("tied", SettlementCatalogue.TiedGrants)) with { World = world };
}
