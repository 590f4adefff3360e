using UrbanSim.Core.Development;
using UrbanSim.Core.Engine;
using UrbanSim.Core.Health;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.Tests.Engine;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Tests.World;

public class WorldBuilderTests
{
    private static double[] Level(WorldState world, Exposure exposure) => world.Exposures.LevelOf(exposure).ToArray();

    private static WorldState Build(WorldSpec spec, ulong seed = 20261122, int replication = 0)
    {
        var world = WorldBuilder.Allocate(spec, ModelCatalogue.Standard.Programmes.StockCount);
        WorldBuilder.Build(spec, new ModelParameters(), new ReplicationRandom(seed, replication), world);
        return world;
    }

    [Fact]
    public void EnglandLike_Has300ZonesIn6RegionsAndEveryDecile()
    {
        var world = Build(WorldSpec.EnglandLike);
        Assert.Equal(300, world.ZoneCount);
        Assert.Equal(6, world.RegionCount);
        Assert.Equal(300 * WorldSpec.EnglandLike.SitesPerZone, world.SiteCount);
        Assert.Equal(Enumerable.Range(1, 10), world.Zones.Decile.Distinct().Order());
        Assert.Equal(Enumerable.Range(0, 6), world.Zones.Region.Distinct().Order());
        Assert.Equal([70, 60, 50, 45, 40, 35], Enumerable.Range(0, 6).Select(r => world.Zones.Region.Count(z => z == r)));
        Assert.All(Enumerable.Range(0, 300), z => Assert.InRange(world.Health.ZonePopulation(z), 10_000, 160_000));
    }

    [Fact]
    public void EnglandLike_DeprivedZonesHaveMorePm25AndColdHomes()
    {
        var world = Build(WorldSpec.EnglandLike);
        var deprived = Enumerable.Range(0, world.ZoneCount).Where(z => world.Zones.Decile[z] <= 3).ToArray();
        var affluent = Enumerable.Range(0, world.ZoneCount).Where(z => world.Zones.Decile[z] >= 8).ToArray();
        Assert.NotEmpty(deprived);
        Assert.NotEmpty(affluent);
        Assert.True(deprived.Average(z => Level(world, Exposure.Pm25)[z]) > affluent.Average(z => Level(world, Exposure.Pm25)[z]) + 1);
        Assert.True(deprived.Average(z => Level(world, Exposure.ColdHomes)[z]) > affluent.Average(z => Level(world, Exposure.ColdHomes)[z]) + 0.02);
        Assert.True(deprived.Average(z => Level(world, Exposure.GreenSpace)[z]) < affluent.Average(z => Level(world, Exposure.GreenSpace)[z]));
        Assert.True(deprived.Average(z => world.Zones.MortalityMultiplier[z]) > affluent.Average(z => world.Zones.MortalityMultiplier[z]));
    }

    [Fact]
    public void SameSeed_BuildsTheSamePlaces_InEveryReplication_AnotherSeedOtherPlaces()
    {
        var a = Build(WorldSpec.EnglandLike, 5, 2);
        var b = Build(WorldSpec.EnglandLike, 5, 2);
        DeterminismTests.AssertWorldsEqual(a, b);
        // Zones are the same places in every replication, so zone results can be averaged over replications…
        var c = Build(WorldSpec.EnglandLike, 5, 3);
        Assert.Equal(a.Zones.Decile, c.Zones.Decile);
        Assert.Equal(Level(a, Exposure.Pm25), Level(c, Exposure.Pm25));
        Assert.Equal(a.Sites.PlaceCapacityHomes, c.Sites.PlaceCapacityHomes);
        // …while site-level decisions (developer, and so how a zone's land is shared, land benchmark, planning draw) vary by replication.
        Assert.NotEqual(a.Sites.PlanningDraw, c.Sites.PlanningDraw);
        var otherSeed = Build(WorldSpec.EnglandLike, 6, 2);
        Assert.NotEqual(Level(a, Exposure.Pm25), Level(otherSeed, Exposure.Pm25));
    }

    [Fact]
    public void Build_IntoAReusedBuffer_GivesTheSameWorldAsAFreshOne()
    {
        var reused = Build(WorldSpec.EnglandLike, 5, 3);
        WorldBuilder.Build(WorldSpec.EnglandLike, new ModelParameters(), new ReplicationRandom(5, 2), reused);
        DeterminismTests.AssertWorldsEqual(Build(WorldSpec.EnglandLike, 5, 2), reused);
    }

    [Fact]
    public void ZonesFromRecords_AreBuiltAsGiven()
    {
        ZoneRecord Zone(string id, string region, int decile, double pop, double pm) => new()
        {
            ZoneId = id, Region = region, RegionCapacity = region == "North" ? CapacityClass.New : CapacityClass.Established,
            DeprivationDecile = decile, Population = pop, WalkingMinutesPerWeek = 70 + decile, CyclingMinutesPerWeek = 5,
            Pm25MicrogramsPerM3 = pm, GreenSpaceNdvi = 0.3, ColdHomeShare = 0.08, HousePriceGbpPerM2 = 2_500 + decile,
            SiteCapacityHomes = 400, RemediationCostGbpPerHome = 12_000,
        };
        var spec = new WorldSpec
        {
            Zones = [Zone("z1", "North", 1, 30_000, 11.5), Zone("z2", "South", 9, 50_000, 7.25), Zone("z3", "North", 4, 20_000, 9)],
            SitesPerZone = 2,
        };
        var world = Build(spec);

        Assert.Equal(2, world.RegionCount);
        Assert.Equal(["North", "South"], world.Regions.Name);
        Assert.Equal([CapacityClass.New, CapacityClass.Established], world.Regions.CapacityClass);
        Assert.Equal([0, 1, 0], world.Zones.Region);
        Assert.Equal([1, 9, 4], world.Zones.Decile);
        // People are held in single precision: a zone's total is exact to a few millionths of a person per thousand.
        Assert.Equal(30_000, world.Health.ZonePopulation(0), 0.01);
        Assert.Equal(50_000, world.Health.ZonePopulation(1), 0.01);
        Assert.Equal([11.5, 7.25, 9], Level(world, Exposure.Pm25));
        Assert.Equal([71.0, 79, 74], Level(world, Exposure.Walking));
        Assert.Equal([2_501.0, 2_509, 2_504], world.Zones.BaseHousePriceGbpPerM2);
        Assert.All(Level(world, Exposure.ColdHomes), x => Assert.Equal(0.08, x));
        Assert.Equal(0.08 * 30_000 / new ModelParameters().Development.PeoplePerHome, world.Homes.ColdHomes[0], 3);
        Assert.Equal(6, world.SiteCount);
        Assert.All(world.Sites.PlaceCapacityHomes, x => Assert.Equal(200, x));
        // Each zone's 400 homes are shared between its two sites by the kind holding each (an SME's site is smaller).
        double ratio = new ModelParameters().Development.SmeSiteSizeRatio;
        for (int zone = 0; zone < 3; zone++)
        {
            int first = 2 * zone, second = first + 1;
            double Weight(int site) => world.Sites.Developer[site] == DeveloperType.Sme ? ratio : 1;
            Assert.Equal(Math.Round(400 * Weight(first) / (Weight(first) + Weight(second))), world.Sites.CapacityHomes[first]);
            Assert.Equal(400, world.Sites.CapacityHomes[first] + world.Sites.CapacityHomes[second], 1.0);
        }
        Assert.All(world.Sites.RemediationGbpPerHome, x => Assert.Equal(12_000, x));
        Assert.Equal([0, 0, 1, 1, 2, 2], world.Sites.Zone);
    }
}
