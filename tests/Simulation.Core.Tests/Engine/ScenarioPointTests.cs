using UrbanSim.Core.Engine;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.Settlements;

namespace UrbanSim.Core.Tests.Engine;

/// <summary>
/// ReplicationRunner.Run at a ScenarioPoint (a row of an external design): every variant, the replication's usual draws,
/// the point's parameters instead of their draws and its levers on every variant.
/// </summary>
public class ScenarioPointTests
{
    private const string WalkingRisk = "health.walking_relative_risk";

    private static Scenario TwoSettlements() => EngineHarness.TwoRegions(
        EngineHarness.Variant("tied", SettlementCatalogue.TiedGrants),
        EngineHarness.Variant("pot", SettlementCatalogue.SinglePot, l => l with { MissionCommitment = 0.9 })) with
    {
        HorizonYears = 4,
        Uncertain =
        [
            new UncertainParameter(WalkingRisk, Distribution.LogNormal(0.89, 0.83, 0.96)),
            new UncertainParameter("health.cycling_relative_risk", Distribution.LogNormal(0.90, 0.87, 0.94)),
        ],
    };

    private static ScenarioPoint Point(double? fundingPerHeadGbp = null, double? walkingRisk = null) => new(
        fundingPerHeadGbp is { } f ? [(LeverPaths.Find("funding_per_head_gbp")!, f)] : [],
        walkingRisk is { } w ? [(ParameterPaths.Find(WalkingRisk)!, w)] : []);

    private static ReplicationResult RunAt(Scenario scenario, int replication, ScenarioPoint point)
    {
        var result = ReplicationResult.For(scenario);
        new ReplicationRunner(scenario).Run(replication, point, result);
        return result;
    }

    [Fact]
    public void AnEmptyPoint_RunsEveryVariantExactlyAsTheScenarioDoes()
    {
        var scenario = TwoSettlements();
        for (int replication = 0; replication < 2; replication++)
            Assert.Equal(EngineHarness.Run(scenario, replication).Outcome, RunAt(scenario, replication, Point()).Outcome);
    }

    [Fact]
    public void APointFixingAnUncertainParameterAtItsDraw_ChangesNothing_SoTheOtherDrawsAreKept()
    {
        var scenario = TwoSettlements();
        var full = EngineHarness.Run(scenario, 1);
        double drawn = full.DrawnParameters[0];
        var atDraw = RunAt(scenario, 1, Point(walkingRisk: drawn));
        Assert.Equal(full.Outcome, atDraw.Outcome);
        // The other uncertain parameter is still drawn, and drawn as before.
        Assert.Equal(full.DrawnParameters[1], atDraw.DrawnParameters[1]);
        Assert.NotEqual(full.Outcome, RunAt(scenario, 1, Point(walkingRisk: 0.5)).Outcome);
    }

    [Fact]
    public void APointsLever_IsSetOnEveryVariant_WhichKeepsItsOtherLevers()
    {
        var scenario = TwoSettlements();
        var low = RunAt(scenario, 0, Point(fundingPerHeadGbp: 50));
        var high = RunAt(scenario, 0, Point(fundingPerHeadGbp: 800));
        for (int v = 0; v < 2; v++)
            Assert.True(high.Get(v, StandardOutcomes.PublicSpendGbp) > 2 * low.Get(v, StandardOutcomes.PublicSpendGbp));
        // The variants still differ by their own levers (settlement, mission commitment).
        Assert.NotEqual(high.Get(0, StandardOutcomes.PublicSpendGbp), high.Get(1, StandardOutcomes.PublicSpendGbp));
    }
}
