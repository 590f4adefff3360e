using UrbanSim.Core.Engine;
using UrbanSim.Core.Health;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Tests.World;

/// <summary>
/// The optional zone columns of real places (names, council, ICB, age structure, local mortality and ill health, or
/// the targets they are solved from): read with every problem located, and used by the world the model builds.
/// </summary>
public sealed class RealPlaceColumnsTests
{
    private const string File = "zones.csv";
    private static readonly string Required = ZoneCsvTests.Header;
    private const string Values = "Z1,North,established,1,42000,75,4.5,11.2,0.28,0.09,1800,600,20000";
    private static readonly string Ages = string.Join(",", ZoneCsv.AgeColumns);
    private static readonly double[] AgePeople = [400, 1800, 2500, 2600, 2400, 3200, 3500, 3300, 3000, 2700, 2600, 2700, 2600, 2200, 1900, 1700, 1200, 800, 700];

    private static ZoneCsvResult Parse(params string[] lines) => ZoneCsv.Parse(lines, File);

    [Fact]
    public void OptionalColumns_AreReadIntoTheZone()
    {
        var result = Parse(
            $"{Required},zone_name,local_authority_code,local_authority_name,icb_code,icb_name,{Ages},mortality_ratio,ill_health_odds_ratio",
            $"{Values},Bolton 001,E08000001,Bolton,E54000057,NHS Greater Manchester Integrated Care Board,{string.Join(",", AgePeople)},1.31,1.42");

        Assert.Empty(result.Problems);
        var z = Assert.Single(result.Zones);
        Assert.Equal("Bolton 001", z.ZoneName);
        Assert.Equal("E08000001", z.LocalAuthorityCode);
        Assert.Equal("Bolton", z.LocalAuthorityName);
        Assert.Equal("E54000057", z.IcbCode);
        Assert.Equal("NHS Greater Manchester Integrated Care Board", z.IcbName);
        Assert.Equal(AgePeople, z.PeopleByAgeBand);
        Assert.Equal(1.31, z.MortalityRatio);
        Assert.Equal(1.42, z.IllHealthOddsRatio);
    }

    [Fact]
    public void WithoutOptionalColumns_AZoneHasNoneOfThem()
    {
        var z = Assert.Single(Parse(Required, Values).Zones);

        Assert.Null(z.ZoneName);
        Assert.True(z.PeopleByAgeBand.IsEmpty);
        Assert.Null(z.MortalityRatio);
        Assert.Null(z.IllHealthOddsRatio);
    }

    [Fact]
    public void SomeAgeBandColumns_AreRefusedNamingTheFirstMissing()
    {
        string header = $"{Required},{string.Join(",", ZoneCsv.AgeColumns.Where(c => c != "people_aged_40_44"))}";
        var result = Parse(header, $"{Values},{string.Join(",", AgePeople.Skip(1))}");

        var p = Assert.Single(result.Problems);
        Assert.Equal("people_aged_40_44", p.JsonPath);
        Assert.Equal("18 of the 19 age-band columns are given, 'people_aged_40_44' is missing", p.Message);
        Assert.Contains("people_aged_0 … people_aged_85_plus", p.Fix);
    }

    [Fact]
    public void AnEmptyAgeBandCell_IsReportedAtItsColumn()
    {
        string cells = string.Join(",", AgePeople.Select((x, b) => b == 5 ? "" : x.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        string row = $"{Values},{cells}";
        var p = Assert.Single(Parse($"{Required},{Ages}", row).Problems);

        Assert.Equal(2, p.Line);
        Assert.Equal("people_aged_20_24", p.JsonPath);
        Assert.Equal("empty age-band value", p.Message);
    }

    [Fact]
    public void LeAndHleTargets_AreSolvedIntoRatiosThatReproduceThem()
    {
        var z = Assert.Single(Parse($"{Required},le_target_years,hle_target_years", $"{Values},77.8,57.4").Zones);

        var (le, hle) = LocalHealth.ExpectanciesYears(z.MortalityRatio!.Value, z.IllHealthOddsRatio!.Value);
        Assert.Equal(77.8, le, 1e-8);
        Assert.Equal(57.4, hle, 1e-8);
        Assert.True(z.MortalityRatio > 1, "an LE below England's needs higher death rates than England's");
    }

    [Fact]
    public void ARatioAndATargetForTheSameThing_AreRefused()
    {
        var p = Assert.Single(Parse($"{Required},mortality_ratio,le_target_years", $"{Values},1.2,78").Problems);

        Assert.Equal("le_target_years", p.JsonPath);
        Assert.Equal("both mortality_ratio and le_target_years are given", p.Message);
    }

    [Fact]
    public void AnHleTargetWithoutTheZonesMortality_IsRefused()
    {
        var p = Assert.Single(Parse($"{Required},hle_target_years", $"{Values},60").Problems);

        Assert.Equal("hle_target_years needs the zone's mortality", p.Message);
        Assert.Equal("give mortality_ratio or le_target_years on the same row", p.Fix);
    }

    [Fact]
    public void AnUnreachableHleTarget_SaysWhatIsPossible()
    {
        var p = Assert.Single(Parse($"{Required},le_target_years,hle_target_years", $"{Values},70,75").Problems);

        Assert.Equal("hle_target_years", p.JsonPath);
        Assert.StartsWith("no ill-health odds ratio gives a healthy life expectancy of 75 years", p.Message);
    }

    [Theory]
    [InlineData("mortality_ratio", "0.01", "0.01 is out of range")]
    [InlineData("ill_health_odds_ratio", "many", "'many' is not a number")]
    public void BadRatios_AreReportedAtTheirCell(string column, string value, string message)
    {
        var p = Assert.Single(Parse($"{Required},{column}", $"{Values},{value}").Problems);

        Assert.Equal(column, p.JsonPath);
        Assert.Equal(message, p.Message);
        Assert.Equal(Values.Length + 2, p.Column);
    }

    [Fact]
    public void CommentLines_AreSkipped_AndProblemsKeepTheirFileLineNumbers()
    {
        var result = Parse("# Built by urbansim places build", "# Sources: ONS", Required, Values, "# a note between rows",
            "Z2,North,established,12,38000,88,7,8.4,0.41,0.04,3900,450,0");

        var p = Assert.Single(result.Problems);
        Assert.Equal(6, p.Line);
        Assert.Equal("deprivation_decile", p.JsonPath);
    }

    private static ZoneRecord Zone(string id, int decile, double? mortality = null, double? illHealth = null, double[]? ages = null) => new()
    {
        ZoneId = id, Region = "North", DeprivationDecile = decile, Population = 30_000, WalkingMinutesPerWeek = 80,
        CyclingMinutesPerWeek = 6, Pm25MicrogramsPerM3 = 9.5, GreenSpaceNdvi = 0.35, ColdHomeShare = 0.06,
        HousePriceGbpPerM2 = 2_800, SiteCapacityHomes = 400, RemediationCostGbpPerHome = 0,
        MortalityRatio = mortality, IllHealthOddsRatio = illHealth, PeopleByAgeBand = ages is null ? [] : [.. ages],
    };

    [Fact]
    public void AZonesAgeStructure_SpreadsItsPopulation()
    {
        var spec = new WorldSpec { Zones = [Zone("a", 3, ages: AgePeople), Zone("b", 3)] };
        var world = WorldBuilder.Allocate(spec, ModelCatalogue.Standard.Programmes.StockCount);
        WorldBuilder.Build(spec, new ModelParameters(), new ReplicationRandom(1, 0), world);

        double total = AgePeople.Sum();
        for (int b = 0; b < AgeBands.Count; b++)
            Assert.Equal(30_000 * AgePeople[b] / total, world.Health.Population[b], 0.01);
        Assert.Equal(30_000 * DiseaseBaseline.PopulationShare[0] / Sum(DiseaseBaseline.PopulationShare), world.Health.Population[AgeBands.Stride], 0.01);
    }

    private static double Sum(ReadOnlySpan<double> values)
    {
        double s = 0;
        foreach (double v in values) s += v;
        return s;
    }

    [Fact]
    public void LocalRatios_ReplaceTheDecileMultipliers_AndTheStartYearMeasuresThem()
    {
        var scenario = new Scenario
        {
            Name = "ratios", HorizonYears = 2, Seed = 3,
            World = new WorldSpec { Zones = [Zone("a", 1, 1.4, 1.7), Zone("b", 1), Zone("c", 9, 0.8, 0.6)] },
            Variants = [new PolicyVariant("tied", new PolicyLevers())],
        };
        var result = ReplicationResult.For(scenario);
        new ReplicationRunner(scenario).Run(0, result);

        foreach (var (zone, mortality, illHealth) in new[] { (0, 1.4, 1.7), (2, 0.8, 0.6) })
        {
            var (le, hle) = LocalHealth.ExpectanciesYears(mortality, illHealth);
            Assert.Equal(hle, result.ZoneBaseline[zone * 2], 1e-9);
            Assert.Equal(le, result.ZoneBaseline[zone * 2 + 1], 1e-9);
        }
        // Zone b has no ratios: the decile's multipliers apply, as in a synthetic world (decile 1 is worse than England).
        Assert.True(result.ZoneBaseline[3] < LocalHealth.LifeExpectancyYears(1));
        Assert.NotEqual(LocalHealth.ExpectanciesYears(1.4, 1.7).LifeExpectancyYears, result.ZoneBaseline[3], 3);
    }
}
