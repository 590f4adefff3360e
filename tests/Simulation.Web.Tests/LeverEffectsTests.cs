using UrbanSim.Core.Engine;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.Settlements;
using UrbanSim.Core.World;
using UrbanSim.Runner.Web;

namespace UrbanSim.Web.Tests;

/// <summary>
/// Every "no effect" the explorer shows is true: moving such a lever over the range it names leaves every outcome of
/// a simulation unchanged, bit for bit; and a lever said to work does change them.
/// </summary>
public sealed class LeverEffectsTests
{
    /// <summary>The two settings as two variants of one small scenario: same world, shocks and draws.</summary>
    private static bool SameResults(PolicyLevers a, PolicyLevers b)
    {
        var scenario = new Scenario
        {
            Name = "levers", World = new WorldSpec { Regions = [new RegionSpec("A", CapacityClass.Developing, 8), new RegionSpec("B", CapacityClass.New, 6)] },
            HorizonYears = 6, Replications = 2, Seed = 11, Variants = [new PolicyVariant("a", a), new PolicyVariant("b", b)],
        };
        var runner = new ReplicationRunner(scenario);
        var result = ReplicationResult.For(scenario);
        for (int rep = 0; rep < scenario.Replications; rep++)
        {
            runner.Run(rep, result);
            if (!result.OutcomesOf(0).SequenceEqual(result.OutcomesOf(1))) return false;
        }
        return true;
    }

    private static PolicyLevers With(PolicyLevers levers, string lever, double value) => LeverPaths.With(levers, LeverPaths.Find(lever)!, value);

    public static TheoryData<string> Settlements => new(SettlementCatalogue.Names);

    [Theory]
    [MemberData(nameof(Settlements))]
    public void EveryLeverSaidToHaveNoEffect_LeavesEveryOutcomeUnchanged(string settlementName)
    {
        var levers = new PolicyLevers { Settlement = SettlementCatalogue.Find(settlementName)!, AnalyticalCapacity = 0.2, IcbPartnership = 0.3 };
        var inactive = LeverEffects.For(levers, new ModelParameters()).Where(e => !e.Active).ToList();
        Assert.NotEmpty(inactive);
        foreach (var effect in inactive)
        {
            var info = LeverPaths.Find(effect.Lever)!;
            // Over the range the note claims: the whole range for another settlement's lever, up to the floor for analytical capacity.
            double high = effect.Lever == "analytical_capacity" ? levers.Settlement.StartAnalyticalCapacity(0, new ModelParameters().Politics) : Math.Min(info.Max, 1);
            Assert.True(SameResults(With(levers, effect.Lever, info.Min), With(levers, effect.Lever, high)), $"{effect.Lever} under {settlementName}: {effect.Note}");
        }
    }

    [Fact]
    public void AnalyticalCapacity_WorksUnderASinglePot_AndSoDoesThePartnershipOverItsWholeRange()
    {
        var pot = new PolicyLevers { Settlement = SettlementCatalogue.SinglePot };
        var effects = LeverEffects.For(pot, new ModelParameters()).ToDictionary(e => e.Lever);
        Assert.True(effects["analytical_capacity"].Active);
        Assert.False(SameResults(With(pot, "analytical_capacity", 0), With(pot, "analytical_capacity", 1)));

        // The partnership note: pooling ramps up around 0.5, and below it the partnership still sets what the mayor counts.
        Assert.True(effects["icb_partnership"].Active);
        Assert.Contains("pools nothing with the mayor below 0.4", effects["icb_partnership"].Note);
        Assert.False(SameResults(With(pot, "icb_partnership", 0), With(pot, "icb_partnership", 0.3)));
        Assert.False(SameResults(With(pot, "icb_partnership", 0.45), With(pot, "icb_partnership", 0.55)));
    }

    [Fact]
    public void UnderHealthDevolution_ThePartnershipStillMatters_ThoughTheIcbPoolsWhateverItIs()
    {
        var devolution = new PolicyLevers { Settlement = SettlementCatalogue.Find("health_devolution")!, AnalyticalCapacity = 1 };
        var effect = LeverEffects.For(devolution, new ModelParameters()).Single(e => e.Lever == "icb_partnership");
        Assert.True(effect.Active);
        Assert.Contains("whatever the partnership", effect.Note);
        Assert.False(SameResults(With(devolution, "icb_partnership", 0), With(devolution, "icb_partnership", 1)));
    }
}
