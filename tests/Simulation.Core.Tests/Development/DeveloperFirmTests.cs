using UrbanSim.Core.Development;
using UrbanSim.Core.Engine;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.Settlements;
using UrbanSim.Core.Tests.Engine;

namespace UrbanSim.Core.Tests.Development;

/// <summary>Developer firms: expectations, bidding order, competition for sites, equity, failure and entry.</summary>
public class DeveloperFirmTests
{
    /// <summary>Two regions under tied grants for 15 years, no shocks unless <paramref name="shocks"/> sets them.</summary>
    internal static Scenario World(Func<DevelopmentParameters, DevelopmentParameters>? development = null, Func<ShockParameters, ShockParameters>? shocks = null)
    {
        var scenario = EngineHarness.TwoRegions(EngineHarness.Variant("tied", SettlementCatalogue.TiedGrants)) with { HorizonYears = 15 };
        var p = EngineHarness.NoShocks();
        return scenario with
        {
            Parameters = p with
            {
                Development = development is null ? p.Development : development(p.Development),
                Shocks = shocks is null ? p.Shocks : shocks(p.Shocks),
            },
        };
    }

    private static (ReplicationResult Result, DeveloperFirmState Firms) Run(Scenario scenario, int replication = 0)
    {
        var runner = new ReplicationRunner(scenario);
        return (EngineHarness.Run(scenario, replication, runner: runner), runner.Firms);
    }

    [Fact]
    public void Expectations_MoveAShareOfTheWayToThisYearsPrices_AndFirmsBidInOrderOfExpectedPricesTimesOneMinusMargin()
    {
        var firms = new DeveloperFirmState();
        var d = new DevelopmentParameters { VolumeBuildersPerRegion = 1, SmeBuildersPerRegion = 1, RegenerationSpecialistsPerRegion = 1, DeveloperPriceLearningPerYear = 0.5 };
        firms.Size(regions: 1, sites: 0, d);
        for (int f = 0; f < 3; f++) { firms.Alive[f] = true; firms.ExpectedPriceFactor[f] = 1; }
        firms.Type[0] = DeveloperType.Volume; firms.Type[1] = DeveloperType.Sme; firms.Type[2] = DeveloperType.Regeneration;
        var parameters = new ModelParameters { Development = d };
        DeveloperFirms.StartYear(firms, year: 3, parameters, priceFactor: 0.88, [1e6]);
        Assert.All(firms.ExpectedPriceFactor, e => Assert.Equal(0.94, e, 12));
        // Same expectations: the lowest margin bids most (regeneration 0.85, volume 1, SME 1.1).
        Assert.Equal([2, 0, 1], firms.RankingOf(0).ToArray());
        // A regeneration specialist that expects much lower prices is outbid by the volume builder.
        firms.ExpectedPriceFactor[2] = 0.8;
        DeveloperFirms.StartYear(firms, year: 4, parameters, priceFactor: 1.0, [1e6]);
        Assert.Equal(0, firms.RankingOf(0)[0]);
    }

    [Fact]
    public void SitesGoToOtherFirms_WhenTheirHolderCannotBuildThem_AndEveryHomeBuiltWasStartedByAFirm()
    {
        var (result, firms) = Run(World());
        double started = 0, completed = 0;
        for (int f = 0; f < firms.Count; f++) { started += firms.SchemesStarted[f]; completed += firms.HomesCompleted[f]; }
        Assert.True(started > 0);
        Assert.Equal(result.Get(0, StandardOutcomes.HomesBuilt), completed, 6);
        // Competition: some sites drawn for one kind of developer were bought and built by another kind.
        var runner = new ReplicationRunner(World());
        var world = runner.StartWorld;
        int moved = 0;
        EngineHarness.Run(World(), runner: runner);
        for (int site = 0; site < world.SiteCount; site++)
            if (runner.Firms.Holder[site] >= 0 && runner.Firms.Type[runner.Firms.Holder[site]] != world.Sites.Developer[site]) moved++;
        Assert.True(moved > 0, "no site changed hands");
    }

    [Fact]
    public void WithoutEquity_FirmsBuildLess_TheirEquityBindsAsWellAsTheLendersMoney()
    {
        double Homes(double equityPerHead) => Run(World(d => d with { DeveloperEquityGbpPerHead = equityPerHead })).Result.Get(0, StandardOutcomes.HomesBuilt);
        double ample = Homes(400), scarce = Homes(20);
        Assert.True(scarce < 0.8 * ample, $"homes with scarce equity {scarce:N0}, with ample {ample:N0}");
    }

    [Fact]
    public void ProfitsKeptGrowAFirmsEquity_BeyondWhatItStartedWith()
    {
        // Without overheads (and without recessions, so every home sells when it completes).
        var scenario = World(d => d with { DeveloperOverheadShareOfRevenue = 0 });
        var (result, firms) = Run(scenario);
        var d = scenario.Parameters.Development;
        int grown = 0;
        for (int f = 0; f < firms.Count; f++)
        {
            double start = DeveloperFirms.StartEquityGbp(firms.Type[f], result.RegionBaseline[firms.RegionOf(f) * RegionOutcomes.BaselineCount + RegionOutcomes.BaselinePopulation], firms, d);
            double now = firms.EquityGbp[f] + firms.TiedGbp[f];
            // No losses without recessions: equity is what it started with plus the profit kept.
            Assert.Equal(start + firms.RealisedProfitGbp[f] * (1 - d.DeveloperPayoutShare), now, Math.Max(1, now) * 1e-9);
            if (firms.RealisedProfitGbp[f] > 0) grown++;
        }
        Assert.True(grown > 0);
    }

    [Fact]
    public void ADeepRecession_MakesFirmsThatBoughtAtHighPricesFail_AndNewFirmsEnterInTheirPlace()
    {
        // Prices fall by half in every recession, and recessions are common: schemes started at high expected prices
        // complete at low ones and lose more than their builders' equity.
        var scenario = World(
            d => d with { DeveloperPriceLearningPerYear = 0.2, DeveloperEntryYears = 2 },
            s => s with { RecessionProbabilityPerYear = 0.3, RecessionPriceFall = 0.5 });
        double failures = 0;
        bool reentered = false;
        for (int rep = 0; rep < 6; rep++)
        {
            var (result, firms) = Run(scenario, rep);
            double byFirm = 0;
            for (int f = 0; f < firms.Count; f++) byFirm += firms.Failures[f];
            Assert.Equal(result.Get(0, StandardOutcomes.DeveloperFailures), byFirm);
            double byRegion = 0;
            for (int r = 0; r < result.Regions; r++) byRegion += result.RegionOutcomesOf(0, r)[RegionOutcomes.DevelopersFailures];
            Assert.Equal(byFirm, byRegion);
            failures += byFirm;
            for (int f = 0; f < firms.Count; f++) reentered |= firms.Failures[f] > 0 && firms.Alive[f];
        }
        Assert.True(failures > 0, "no firm failed");
        Assert.True(reentered, "no failed firm's place was taken by a new firm");
    }

    [Fact]
    public void WithoutRecessions_NoFirmFails_AtTheDefaultMargins()
    {
        var (result, _) = Run(World());
        Assert.Equal(0, result.Get(0, StandardOutcomes.DeveloperFailures));
    }
}
