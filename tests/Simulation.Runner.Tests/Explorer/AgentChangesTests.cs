using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.World;
using UrbanSim.Runner.Batch;
using UrbanSim.Runner.Web;

namespace UrbanSim.Runner.Tests.Explorer;

/// <summary>
/// The explorer's "why it moved" names the agents whose behaviour changed most, on region outcomes made by hand so the
/// right answer is known: firm failures and lenders' losses are named when they change enough, and not otherwise.
/// </summary>
public sealed class AgentChangesTests
{
    private static readonly Scenario TwoVariantsTwoRegions = new()
    {
        Name = "made_by_hand",
        World = new WorldSpec { Regions = [new RegionSpec("North", CapacityClass.Developing, 6), new RegionSpec("South", CapacityClass.Established, 6)] },
        StartYear = 2026,
        HorizonYears = 3,
        Variants = [new PolicyVariant("tied_grants", new PolicyLevers()), new PolicyVariant("single_pot", new PolicyLevers())],
    };

    /// <summary>Every replication: the second variant's South developers fail <paramref name="moreFailures"/> more times and its lenders lose <paramref name="moreLossesGbp"/> more.</summary>
    private static BatchAccumulator Fold(double moreFailures, double moreLossesGbp)
    {
        var layout = RecordLayout.For(TwoVariantsTwoRegions);
        var batch = new BatchAccumulator(layout);
        for (int rep = 0; rep < 20; rep++)
        {
            var row = new double[layout.Width];
            double jitter = (rep % 3 - 1) * 1e-3;
            for (int v = 0; v < 2; v++)
                for (int r = 0; r < 2; r++)
                {
                    var region = row.AsSpan(layout.RegionOutcomeOffset(v) + r * RegionOutcomes.Count, RegionOutcomes.Count);
                    bool changed = v == 1 && r == 1;
                    region[RegionOutcomes.DevelopersFailures] = 1 + (changed ? moreFailures + jitter : 0);
                    region[RegionOutcomes.LendersLossesGbp] = 2e6 + (changed ? moreLossesGbp + jitter * 1e6 : 0);
                }
            batch.Add(rep, row);
        }
        return batch;
    }

    [Fact]
    public void FirmFailuresAndLendersLosses_AreNamedWithTheRegionWhereTheyChangedMost()
    {
        var found = ExplorerResults.AgentChanges(TwoVariantsTwoRegions, Fold(moreFailures: 0.5, moreLossesGbp: 5e6));
        Assert.Contains(found, s => s.StartsWith("South developers see 0.5 more firm failures a run", StringComparison.Ordinal));
        Assert.Contains(found, s => s.StartsWith("South lenders lose £5", StringComparison.Ordinal) && s.EndsWith("more on loans to firms that failed", StringComparison.Ordinal));
        Assert.DoesNotContain(found, s => s.StartsWith("North", StringComparison.Ordinal));
    }

    [Fact]
    public void ChangesTooSmallToTell_AreLeftOut()
    {
        var found = ExplorerResults.AgentChanges(TwoVariantsTwoRegions, Fold(moreFailures: 0.02, moreLossesGbp: 2e5));
        Assert.DoesNotContain(found, s => s.Contains("firm failures", StringComparison.Ordinal));
        Assert.DoesNotContain(found, s => s.Contains("loans to firms that failed", StringComparison.Ordinal));
        var fewer = ExplorerResults.AgentChanges(TwoVariantsTwoRegions, Fold(moreFailures: -0.3, moreLossesGbp: 0));
        Assert.Contains(fewer, s => s.StartsWith("South developers see 0.3 fewer firm failures a run", StringComparison.Ordinal));
    }
}
