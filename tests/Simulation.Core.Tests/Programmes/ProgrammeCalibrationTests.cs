using System.Globalization;
using UrbanSim.Core.Engine;
using UrbanSim.Core.Health;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Programmes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.Settlements;
using UrbanSim.Core.World;
using Xunit.Abstractions;

namespace UrbanSim.Core.Tests.Programmes;

/// <summary>
/// The programmes against what published evaluations found (docs/model.md §9.4), at the central parameter values:
/// money is given to one programme as extra central money (<see cref="MarginalSpend"/>) in a world where mayors have
/// no other money and developers build nothing, so only the programme moves the exposures.
/// </summary>
public class ProgrammeCalibrationTests(ITestOutputHelper output)
{
    private static int Index(ProgrammeDefinition programme) => ModelCatalogue.Standard.Programmes.IndexOf(programme.Name);

    /// <summary>No mayoral money and no development: a world that only the probe changes.</summary>
    private static Scenario Quiet(WorldSpec world, int years, ulong seed = 11) => new()
    {
        Name = "calibration",
        World = world,
        HorizonYears = years,
        Replications = 1,
        Seed = seed,
        Parameters = new ModelParameters
        {
            Development = new DevelopmentParameters { PlanningApprovalRate = 0 },
            Shocks = new ShockParameters { RecessionProbabilityPerYear = 0, FundingCutProbabilityPerYear = 0, HealthShockProbabilityPerYear = 0 },
        },
        Variants = [new PolicyVariant("none", new PolicyLevers { Settlement = SettlementCatalogue.TiedGrants, FundingPerHeadGbp = 0 })],
    };

    private static (WorldState World, ReplicationResult Result) RunWith(Scenario scenario, MarginalSpend? topUp, int replication = 0)
    {
        var runner = new ReplicationRunner(scenario);
        var result = new ReplicationResult(scenario.Catalogue.Outcomes, 1, scenario.HorizonYears, scenario.World.ZoneCount, scenario.World.RegionCount);
        runner.Run(replication, 0, result, topUp);
        return (runner.World, result);
    }

    [Fact]
    public void MiniHolland_HighDoseZonesGainAbout40MinutesOfActiveTravel_ForAbout100PoundsPerBoroughResident()
    {
        // A borough like Waltham Forest (about 276,000 residents): £25 per resident a year for four years (about £100),
        // delivered as schemes; the evaluation compared high-dose areas with control areas after one to three years.
        // The borough maintains its schemes (in this world mayors have no money of their own to pay upkeep).
        var borough = Quiet(new WorldSpec { Regions = [new RegionSpec("Borough", CapacityClass.Established, 8)] }, years: 5);
        borough = borough with { Parameters = borough.Parameters with { Programmes = borough.Parameters.Programmes with { ActiveTravelUnmaintainedDecayPerYear = 0 } } };
        var (world, _) = RunWith(borough, new MarginalSpend(0, Index(StandardProgrammes.ActiveTravel), 25));
        int slot = borough.Catalogue.Programmes.StockSlot(Index(StandardProgrammes.ActiveTravel));
        double dose = new ModelParameters().Programmes.ActiveTravelSchemeDoseGbpPerHead;
        var stock = world.Programmes.StockOf(slot).ToArray();
        // High-dose zones: those that got a whole scheme (less the years of depreciation since).
        var treated = Enumerable.Range(0, world.ZoneCount).Where(z => stock[z] >= dose * 0.8).ToArray();
        Assert.NotEmpty(treated);
        Assert.True(treated.Length < world.ZoneCount, "every zone was treated: the money was not concentrated in high-dose areas");
        double Gain(Exposure e, int z) => world.Exposures.LevelOf(e)[z] - world.Exposures.StartOf(e)[z];
        double activeTravel = treated.Average(z => Gain(Exposure.Walking, z) + Gain(Exposure.Cycling, z));
        // Low-dose areas: no scheme of their own, only the spill-over of the borough's schemes (zones with a scheme under way are neither).
        var untreated = Enumerable.Range(0, world.ZoneCount).Where(z => stock[z] < dose * 0.1).ToArray();
        Assert.NotEmpty(untreated);
        double lowDose = untreated.Average(z => Gain(Exposure.Walking, z) + Gain(Exposure.Cycling, z));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"high-dose zones {treated.Length} of {world.ZoneCount}: +{activeTravel:F1} min/week; low-dose +{lowDose:F1}"));
        Assert.InRange(activeTravel, 30, 55);
        Assert.True(lowDose < activeTravel / 5, "low-dose areas should gain much less than high-dose areas");
    }

    [Fact]
    public void EnglandScaleActiveTravelSpending_ChangesPopulationCyclingByNoMoreThanAbout2Minutes()
    {
        // England spent about £12 per resident a year on active travel for five years (2016–21), with walking and cycling
        // trips about flat (PAC 2023; DfT statistics).
        var england = Quiet(WorldSpec.EnglandLike, years: 6);
        var (world, _) = RunWith(england, new MarginalSpend(MarginalSpend.EveryRegion, Index(StandardProgrammes.ActiveTravel), 12));
        double people = 0, cycling = 0, walking = 0;
        for (int z = 0; z < world.ZoneCount; z++)
        {
            double n = world.Health.ZonePopulation(z);
            people += n;
            cycling += n * (world.Exposures.LevelOf(Exposure.Cycling)[z] - world.Exposures.StartOf(Exposure.Cycling)[z]);
            walking += n * (world.Exposures.LevelOf(Exposure.Walking)[z] - world.Exposures.StartOf(Exposure.Walking)[z]);
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"population cycling +{cycling / people:F2}, walking +{walking / people:F2} min/week"));
        Assert.InRange(cycling / people, 0, 2.5);
    }

    [Fact]
    public void DiabetesPreventionProgrammeScaleBudget_GivesADiabetesIncidenceRatioOfAbout094WithinThreeYears()
    {
        // The NHS DPP's wave-1 practices: population type 2 diabetes incidence ratio 0.938 (0.905–0.972); a DPP-scale budget
        // is about £1 per resident a year (docs/model.md §9.4).
        var england = Quiet(WorldSpec.EnglandLike, years: 3);
        var (world, _) = RunWith(england, new MarginalSpend(MarginalSpend.EveryRegion, Index(StandardProgrammes.JointPrevention), 1));
        int zones = world.ZoneCount;
        double people = 0, ratio = 0;
        for (int z = 0; z < zones; z++)
        {
            double n = world.Health.ZonePopulation(z);
            people += n;
            ratio += n * world.Programmes.IncidenceFactor[(int)Disease.Type2Diabetes * zones + z];
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"type 2 diabetes incidence ratio {ratio / people:F4}"));
        Assert.InRange(ratio / people, 0.905, 0.972);
    }

    [Fact]
    public void WithNoProgrammesAndNoDevelopment_HealthDoesNotDriftOver25Years()
    {
        var quiet = Quiet(WorldSpec.EnglandLike, years: 25, seed: 20261122);
        var runner = new ReplicationRunner(quiet);
        var result = ReplicationResult.For(quiet);
        const int replications = 6;
        var series = new[] { StandardSeries.HleYears, StandardSeries.LeYears, StandardSeries.HleGapYears, StandardSeries.LeGapYears };
        var baseline = new[] { Baseline.HleYears, Baseline.LeYears, Baseline.HleGapYears, Baseline.LeGapYears };
        var drift = new double[series.Length];
        for (int rep = 0; rep < replications; rep++)
        {
            runner.Run(rep, result);
            for (int k = 0; k < series.Length; k++) drift[k] += (result.GetYearly(0, quiet.HorizonYears - 1, series[k]) - result.BaselineValues[baseline[k]]) / replications;
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"drift over 25 years: HLE {drift[0]:F3}, LE {drift[1]:F3}, HLE gap {drift[2]:F3}, LE gap {drift[3]:F3}"));
        Assert.All(drift, d => Assert.InRange(d, -0.1, 0.1));
    }
}
