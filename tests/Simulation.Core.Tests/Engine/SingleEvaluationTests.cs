using System.Collections.Immutable;
using UrbanSim.Core.Engine;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.Settlements;

namespace UrbanSim.Core.Tests.Engine;

/// <summary>ReplicationRunner.Run with given parameters and levers: the same numbers as a scenario variant, and levers that act.</summary>
public class SingleEvaluationTests
{
    private static Scenario WithUncertainty(params PolicyVariant[] variants) => EngineHarness.TwoRegions(variants) with
    {
        HorizonYears = 5,
        Uncertain = [new UncertainParameter("health.walking_relative_risk", Distribution.LogNormal(0.89, 0.83, 0.96))],
    };

    [Fact]
    public void RunWithParametersAndLevers_MatchesTheScenarioVariantBitForBit()
    {
        var pot = EngineHarness.Variant("pot", SettlementCatalogue.SinglePot, l => l with { MissionCommitment = 0.9 });
        var tied = EngineHarness.Variant("tied", SettlementCatalogue.TiedGrants);
        var scenario = WithUncertainty(tied, pot);
        var runner = new ReplicationRunner(scenario);
        var single = new ReplicationResult(1, scenario.HorizonYears, scenario.World.ZoneCount);
        for (int replication = 0; replication < 2; replication++)
        {
            var full = EngineHarness.Run(scenario, replication);
            var parameters = ParameterSampler.Sample(scenario, new ReplicationRandom(scenario.Seed, replication));
            runner.Run(replication, parameters, pot.Levers, single);
            Assert.Equal(full.Outcome.AsSpan(ModelCatalogue.Standard.Outcomes.Count, ModelCatalogue.Standard.Outcomes.Count).ToArray(), single.Outcome);
            Assert.Equal(full.BaselineValues, single.BaselineValues);
        }
    }

    [Fact]
    public void RunWithParametersAndLevers_UsesTheLeversGivenNotTheVariants()
    {
        var scenario = WithUncertainty(EngineHarness.Variant("pot", SettlementCatalogue.SinglePot));
        var runner = new ReplicationRunner(scenario);
        var low = new ReplicationResult(1, scenario.HorizonYears, scenario.World.ZoneCount);
        var high = new ReplicationResult(1, scenario.HorizonYears, scenario.World.ZoneCount);
        var levers = scenario.Variants[0].Levers;
        runner.Run(0, scenario.Parameters, levers with { FundingPerHeadGbp = 50 }, low);
        runner.Run(0, scenario.Parameters, levers with { FundingPerHeadGbp = 800 }, high);
        Assert.True(high.Get(0, StandardOutcomes.PublicSpendGbp) > 4 * low.Get(0, StandardOutcomes.PublicSpendGbp));
    }

    [Fact]
    public void RunWithParametersAndLevers_RejectsAResultOfTheWrongShape()
    {
        var scenario = WithUncertainty(EngineHarness.Variant("pot", SettlementCatalogue.SinglePot));
        var runner = new ReplicationRunner(scenario);
        Assert.Throws<ArgumentException>(() => runner.Run(0, scenario.Parameters, new PolicyLevers(), new ReplicationResult(1, 3, 0)));
    }
}
