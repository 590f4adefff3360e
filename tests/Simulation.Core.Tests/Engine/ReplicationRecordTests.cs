using UrbanSim.Core.Engine;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.Settlements;
using UrbanSim.Core.Shocks;

namespace UrbanSim.Core.Tests.Engine;

/// <summary>
/// What a replication records besides its outcomes: the value each uncertain parameter was drawn at, the shocks of each
/// year, and the running totals that give each summed outcome with a horizon ending in any year.
/// </summary>
public sealed class ReplicationRecordTests
{
    private static Scenario WithUncertainty(ModelParameters? parameters = null) =>
        EngineHarness.Small(EngineHarness.Variant("tied", SettlementCatalogue.TiedGrants), EngineHarness.Variant("pot", SettlementCatalogue.SinglePot)) with
        {
            Parameters = parameters ?? new ModelParameters(),
            Uncertain =
            [
                new UncertainParameter("health.walking_relative_risk", Distribution.Uniform(0.85, 0.93)),
                new UncertainParameter("funding.bid_cost_gbp", Distribution.Uniform(20_000, 30_000)),
            ],
        };

    [Fact]
    public void DrawnParameters_AreTheValuesTheReplicationRanWith_InTheScenariosOrder()
    {
        var scenario = WithUncertainty();
        var result = EngineHarness.Run(scenario, replication: 3);
        Assert.InRange(result.DrawnParameters[0], 0.85, 0.93);
        Assert.InRange(result.DrawnParameters[1], 20_000, 30_000);

        // Running the replication again with exactly those values given, instead of drawn, gives the same outcomes.
        var given = ParameterPaths.With(ParameterPaths.With(scenario.Parameters, ParameterPaths.Find("health.walking_relative_risk")!, result.DrawnParameters[0]),
            ParameterPaths.Find("funding.bid_cost_gbp")!, result.DrawnParameters[1]);
        var single = new ReplicationResult(1, scenario.HorizonYears, scenario.World.ZoneCount);
        new ReplicationRunner(scenario).Run(3, given, scenario.Variants[0].Levers, single);
        Assert.Equal(result.Get(0, StandardOutcomes.HleYears), single.Get(0, StandardOutcomes.HleYears));
        Assert.Equal(result.Get(0, StandardOutcomes.BiddingCostGbp), single.Get(0, StandardOutcomes.BiddingCostGbp));
    }

    [Fact]
    public void DrawnParameters_DifferBetweenReplications()
    {
        var scenario = WithUncertainty();
        Assert.NotEqual(EngineHarness.Run(scenario, 0).DrawnParameters[0], EngineHarness.Run(scenario, 1).DrawnParameters[0]);
    }

    [Fact]
    public void Shocks_AreRecordedForEveryYear_AsTheParametersMakeThem()
    {
        var always = new ModelParameters();
        always = always with { Shocks = always.Shocks with { HealthShockProbabilityPerYear = 1, FundingCutProbabilityPerYear = 0, RecessionProbabilityPerYear = 0 } };
        var result = EngineHarness.Run(WithUncertainty(always));
        Assert.All(result.Shocks, s => Assert.Equal(ShockKinds.HealthShock, s));

        var none = EngineHarness.Run(WithUncertainty(EngineHarness.NoShocks()));
        Assert.All(none.Shocks, s => Assert.Equal(ShockKinds.None, s));
    }

    [Fact]
    public void AHealthShockInTheFinalYear_LowersThatYearsHle_WhichIsWhyTheRecordMatters()
    {
        var calm = EngineHarness.NoShocks();
        var everyYear = calm with { Shocks = calm.Shocks with { HealthShockProbabilityPerYear = 1 } };
        var shocked = EngineHarness.Run(WithUncertainty(everyYear));
        var quiet = EngineHarness.Run(WithUncertainty(calm));
        Assert.True(shocked.Get(0, StandardOutcomes.HleYears) < quiet.Get(0, StandardOutcomes.HleYears) - 0.1);
    }

    [Fact]
    public void ToDateSeries_AreRunningTotals_WhoseFinalYearIsTheOutcome()
    {
        var scenario = WithUncertainty();
        var result = EngineHarness.Run(scenario);
        int last = scenario.HorizonYears - 1;
        for (int v = 0; v < 2; v++)
        {
            Assert.Equal(result.Get(v, StandardOutcomes.Qalys), result.GetYearly(v, last, StandardSeries.QalysToDate));
            Assert.Equal(result.Get(v, StandardOutcomes.NhsCostGbp), result.GetYearly(v, last, StandardSeries.NhsCostToDateGbp));
            Assert.Equal(result.Get(v, StandardOutcomes.HomesBuilt), result.GetYearly(v, last, StandardSeries.HomesBuiltToDate));
            double homes = 0;
            for (int y = 0; y <= last; y++)
            {
                homes += result.GetYearly(v, y, StandardSeries.HomesBuilt);
                Assert.Equal(homes, result.GetYearly(v, y, StandardSeries.HomesBuiltToDate), 6);
                if (y > 0) Assert.True(result.GetYearly(v, y, StandardSeries.QalysToDate) > result.GetYearly(v, y - 1, StandardSeries.QalysToDate));
            }
        }
    }
}
