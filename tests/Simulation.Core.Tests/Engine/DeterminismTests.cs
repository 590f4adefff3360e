using System.Reflection;
using UrbanSim.Core.Engine;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.Settlements;
using UrbanSim.Core.World;
using static UrbanSim.Core.Tests.Engine.EngineHarness;

namespace UrbanSim.Core.Tests.Engine;

/// <summary>Same seed, same numbers: across thread counts, and across variants (common random numbers).</summary>
public class DeterminismTests
{
    private static Scenario Mixed() => TwoRegions(
        Variant("tied", SettlementCatalogue.TiedGrants),
        Variant("single", SettlementCatalogue.SinglePot, l => l with { PatientCapitalGbpPerYear = 20e6 }),
        Variant("devolved", SettlementCatalogue.HealthDevolution, l => l with { PlanningHealthStandard = 0.6 })) with
    {
        HorizonYears = 8,
        Replications = 8,
        Uncertain = [new UncertainParameter("health.walking_relative_risk", Distribution.LogNormal(0.89, 0.83, 0.96))],
    };

    private static List<(int Replication, double[] Outcome, double[] Yearly, double[] Baseline)> Batch(Scenario scenario, int threads)
    {
        var results = new List<(int, double[], double[], double[])>();
        int delivered = MonteCarloBatch.Run(scenario, 0, scenario.Replications, threads,
            r => results.Add((r.Replication, (double[])r.Outcome.Clone(), (double[])r.Yearly.Clone(), (double[])r.BaselineValues.Clone())));
        Assert.Equal(scenario.Replications, delivered);
        return results;
    }

    private static void AssertBitwiseEqual(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(BitConverter.DoubleToInt64Bits(expected[i]) == BitConverter.DoubleToInt64Bits(actual[i]),
                $"{what}[{i}]: {expected[i]:R} vs {actual[i]:R}");
    }

    [Fact]
    public void SameSeed_GivesIdenticalResultsOnOneAndTwoThreads()
    {
        var scenario = Mixed();
        var one = Batch(scenario, 1);
        var two = Batch(scenario, 2);
        for (int i = 0; i < scenario.Replications; i++)
        {
            Assert.Equal(i, one[i].Replication);
            Assert.Equal(i, two[i].Replication);
            AssertBitwiseEqual(one[i].Outcome, two[i].Outcome, $"outcome of replication {i}");
            AssertBitwiseEqual(one[i].Yearly, two[i].Yearly, $"yearly of replication {i}");
            AssertBitwiseEqual(one[i].Baseline, two[i].Baseline, $"baseline of replication {i}");
        }
        // Replications differ from one another (otherwise equality above proves nothing).
        Assert.NotEqual(one[0].Outcome[StandardOutcomes.HomesBuilt], one[1].Outcome[StandardOutcomes.HomesBuilt]);
    }

    [Fact]
    public void Batch_ResultMatchesASingleRunnerReplicationByReplication()
    {
        var scenario = Mixed() with { Replications = 3 };
        var batch = Batch(scenario, 2);
        var runner = new ReplicationRunner(scenario);
        // Run in reverse order: a runner reused for another replication must not carry state over.
        for (int rep = scenario.Replications - 1; rep >= 0; rep--)
        {
            var single = Run(scenario, rep, runner: runner);
            AssertBitwiseEqual(batch[rep].Outcome, single.Outcome, $"outcome of replication {rep}");
            AssertBitwiseEqual(batch[rep].Yearly, single.Yearly, $"yearly of replication {rep}");
        }
    }

    [Theory]
    [InlineData(1)]   // blocks of 32: four blocks, the last one short
    [InlineData(2)]   // blocks of 64: two blocks computed while the previous one is delivered
    public void Batch_OverSeveralPipelinedBlocks_DeliversEveryReplicationInOrderAsASingleRunnerComputesIt(int threads)
    {
        var scenario = EngineHarness.Small(EngineHarness.Variant("tied", SettlementCatalogue.TiedGrants)) with { HorizonYears = 2, Replications = 100 };
        var batch = Batch(scenario, threads);
        Assert.Equal(Enumerable.Range(0, 100), batch.Select(b => b.Replication));
        var runner = new ReplicationRunner(scenario);
        foreach (int rep in new[] { 0, 31, 32, 63, 64, 65, 99 })
            AssertBitwiseEqual(Run(scenario, rep, runner: runner).Outcome, batch[rep].Outcome, $"outcome of replication {rep}");
    }

    [Fact]
    public void Batch_CancelledWhileDelivering_StopsAtABlockBoundaryWithEveryDeliveredResultComplete()
    {
        var scenario = EngineHarness.Small(EngineHarness.Variant("tied", SettlementCatalogue.TiedGrants)) with { HorizonYears = 2, Replications = 1000 };
        using var stop = new CancellationTokenSource();
        var delivered = new List<int>();
        int count = MonteCarloBatch.Run(scenario, 0, scenario.Replications, 1, r =>
        {
            delivered.Add(r.Replication);
            if (delivered.Count == 40) stop.Cancel();
        }, stop.Token);
        Assert.Equal(count, delivered.Count);
        Assert.Equal(Enumerable.Range(0, count), delivered);
        // Cancelled in the second block (replications 32–63): it and the third, already computing, are delivered; no more.
        Assert.Equal(96, count);
    }

    [Fact]
    public void Variants_IdenticalLeversUnderDifferentNames_GiveBitwiseIdenticalResults()
    {
        var levers = new PolicyLevers { Settlement = SettlementCatalogue.TiedGrants, PlanningHealthStandard = 0.5, PatientCapitalGbpPerYear = 10e6 };
        var scenario = TwoRegions(new PolicyVariant("first", levers), new PolicyVariant("second", levers));
        var result = Run(scenario, 3);
        int outcomes = ModelCatalogue.Standard.Outcomes.Count, yearly = scenario.HorizonYears * ModelCatalogue.Standard.Outcomes.SeriesCount;
        AssertBitwiseEqual(result.Outcome.AsSpan(0, outcomes), result.Outcome.AsSpan(outcomes, outcomes), "outcome");
        AssertBitwiseEqual(result.Yearly.AsSpan(0, yearly), result.Yearly.AsSpan(yearly, yearly), "yearly");
        Assert.Equal(result.Ledger[0], result.Ledger[1]);
    }

    [Fact]
    public void Variants_EachStartFromTheSameWorld_WhateverRanBefore()
    {
        // The variant's results must not depend on which variants ran before it in the replication.
        var tied = Variant("tied", SettlementCatalogue.TiedGrants, l => l with { PlanningHealthStandard = 1, PatientCapitalGbpPerYear = 50e6 });
        var single = Variant("single", SettlementCatalogue.SinglePot);
        var both = TwoRegions(tied, single);
        var alone = TwoRegions(single);

        var bothRunner = new ReplicationRunner(both);
        var aloneRunner = new ReplicationRunner(alone);
        var bothResult = Run(both, 2, runner: bothRunner);
        var aloneResult = Run(alone, 2, runner: aloneRunner);

        AssertBitwiseEqual(aloneResult.Outcome.AsSpan(0, ModelCatalogue.Standard.Outcomes.Count), bothResult.Outcome.AsSpan(ModelCatalogue.Standard.Outcomes.Count, ModelCatalogue.Standard.Outcomes.Count), "single-pot outcome");
        AssertWorldsEqual(aloneRunner.StartWorld, bothRunner.StartWorld);
        // Running the variants must leave the start world exactly as the builder made it.
        var rebuilt = WorldBuilder.Allocate(both);
        WorldBuilder.Build(both.World, ParameterSampler.Sample(both, new ReplicationRandom(both.Seed, 2)), new ReplicationRandom(both.Seed, 2), rebuilt);
        AssertWorldsEqual(rebuilt, bothRunner.StartWorld);
        // The two variants differ (otherwise the test could not tell them apart).
        Assert.NotEqual(bothResult.Get(0, StandardOutcomes.HealthyHomesShare), bothResult.Get(1, StandardOutcomes.HealthyHomesShare));
    }

    [Fact]
    public void Runner_ReusedAcrossReplications_GivesWhatAFreshRunnerGives()
    {
        // The runner builds the place (seed only) once and reuses it; a replication must not depend on what ran before.
        var scenario = Mixed();
        var reused = new ReplicationRunner(scenario);
        var reusedResult = ReplicationResult.For(scenario);
        for (int r = 0; r < 4; r++) reused.Run(r, reusedResult);
        var fresh = new ReplicationRunner(scenario);
        var freshResult = ReplicationResult.For(scenario);
        fresh.Run(3, freshResult);

        AssertBitwiseEqual(freshResult.Outcome, reusedResult.Outcome, "outcome");
        AssertBitwiseEqual(freshResult.Yearly, reusedResult.Yearly, "yearly");
        AssertWorldsEqual(fresh.StartWorld, reused.StartWorld);
    }

    /// <summary>
    /// Every array of two worlds, compared bit for bit: each state object of the world (regions, zones, homes,
    /// health, exposures, programmes, sites) and each of its array fields, public or private.
    /// </summary>
    internal static void AssertWorldsEqual(WorldState expected, WorldState actual)
    {
        int arrays = 0;
        foreach (var property in typeof(WorldState).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.PropertyType.IsPrimitive) continue;
            object a = property.GetValue(expected)!, b = property.GetValue(actual)!;
            foreach (var field in property.PropertyType.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance))
            {
                if (field.GetValue(a) is not Array x || field.GetValue(b) is not Array y) continue;
                arrays++;
                string name = $"{property.Name}.{field.Name}";
                Assert.Equal(x.Length, y.Length);
                if (x is double[] dx) AssertBitwiseEqual(dx, (double[])y, name);
                else if (x is float[] fx)
                {
                    var fy = (float[])y;
                    for (int i = 0; i < fx.Length; i++)
                        Assert.True(BitConverter.SingleToInt32Bits(fx[i]) == BitConverter.SingleToInt32Bits(fy[i]), $"{name}[{i}]: {fx[i]:R} vs {fy[i]:R}");
                }
                else for (int i = 0; i < x.Length; i++) Assert.True(Equals(x.GetValue(i), y.GetValue(i)), $"{name}[{i}]");
            }
        }
        // The comparison must reach the state: a world with no arrays found would compare nothing.
        Assert.True(arrays >= 20, $"only {arrays} arrays of the world were compared");
    }
}
