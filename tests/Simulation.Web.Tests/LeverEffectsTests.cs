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
    public void AnalyticalCapacity_WorksUnderASinglePot_AndSoDoesCrossingThePartnershipThreshold()
    {
        var pot = new PolicyLevers { Settlement = SettlementCatalogue.SinglePot };
        var effects = LeverEffects.For(pot, new ModelParameters()).ToDictionary(e => e.Lever);
        Assert.True(effects["analytical_capacity"].Active);
        Assert.False(SameResults(With(pot, "analytical_capacity", 0), With(pot, "analytical_capacity", 1)));

        // The partnership note: only reaching 0.5 matters.
        Assert.True(effects["icb_partnership"].Active);
        Assert.Contains("Only reaching 0.5 matters", effects["icb_partnership"].Note);
        Assert.True(SameResults(With(pot, "icb_partnership", 0), With(pot, "icb_partnership", 0.49)));
        Assert.False(SameResults(With(pot, "icb_partnership", 0.49), With(pot, "icb_partnership", 0.5)));
    }
}
