using System.Globalization;
using UrbanSim.Core.Engine;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Tests.World;

/// <summary>
/// The built-in world of real places, <c>"world": {"places": "england_mcas"}</c>, shipped in the program: the 14
/// mayoralties as ONS names them, their capacity classes and ICBs, and a start year that reproduces each mayoralty's
/// ONS LE and HLE (2021–23) with the world's gaps and NCD share inside the EVIDENCE.md bands. Needs no download.
/// </summary>
public sealed class EnglandMcasTests
{
    private static readonly string[] Mayoralties =
    [
        "Greater Manchester", "South Yorkshire", "West Yorkshire", "Liverpool City Region", "Tees Valley", "West Midlands",
        "Cambridgeshire and Peterborough", "West of England", "York and North Yorkshire", "East Midlands", "North East",
        "Hull and East Yorkshire", "Greater Lincolnshire", "Greater London Authority",
    ];

    private static Scenario Scenario(int horizonYears = 1) =>
        ScenarioLoader.Parse("""{ "name": "mcas", "world": { "places": "england_mcas" }, "variants": [ { "name": "tied", "levers": {} } ] }""", "mcas.json", ".")
            .Scenario! with { HorizonYears = horizonYears };

    /// <summary>The checks table written beside the built-in table by the same build: ONS's figures by mayoralty.</summary>
    private static List<Dictionary<string, string>> Checks()
    {
        var lines = File.ReadAllLines(RepositoryRoot.File("places", "england_mcas.checks.csv")).Where(l => !l.StartsWith('#')).ToList();
        string[] header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(l => Split(l).Select((cell, i) => (header[i], cell)).ToDictionary(x => x.Item1, x => x.cell))];
    }

    private static string[] Split(string line)
    {
        var cells = new List<string>();
        var current = new System.Text.StringBuilder();
        bool quoted = false;
        foreach (char c in line)
        {
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { cells.Add(current.ToString()); current.Clear(); }
            else current.Append(c);
        }
        cells.Add(current.ToString());
        return [.. cells];
    }

    private static double D(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public void EnglandMcas_IsTheFourteenMayoralties_AsOnsNamesThem_WithTheirFrameworkClassesAndIcbs()
    {
        var scenario = Scenario();
        var regions = Places.Regions(Places.Describe(scenario));

        Assert.Equal(Mayoralties, regions.Select(r => r.Name));
        Assert.InRange(regions.Sum(r => r.Population), 28.5e6, 29.5e6);
        Assert.InRange(scenario.World.ZoneCount, 130, 140);
        var capacity = regions.ToDictionary(r => r.Name, r => r.Capacity);
        // Established Mayoral Strategic Authorities (English Devolution White Paper, December 2024) and London.
        foreach (string name in new[] { "Greater Manchester", "West Midlands", "South Yorkshire", "West Yorkshire", "Liverpool City Region", "North East", "Greater London Authority" })
            Assert.Equal(CapacityClass.Established, capacity[name]);
        foreach (string name in new[] { "Tees Valley", "Cambridgeshire and Peterborough", "West of England" }) Assert.Equal(CapacityClass.Developing, capacity[name]);
        foreach (string name in new[] { "York and North Yorkshire", "East Midlands", "Hull and East Yorkshire", "Greater Lincolnshire" }) Assert.Equal(CapacityClass.New, capacity[name]);
        var icbs = regions.ToDictionary(r => r.Name, r => r.IcbNames);
        Assert.Equal(["NHS Greater Manchester Integrated Care Board"], icbs["Greater Manchester"].ToArray());
        Assert.Equal(["NHS Cheshire and Merseyside Integrated Care Board"], icbs["Liverpool City Region"].ToArray());
        Assert.Equal(["NHS Birmingham and Solihull Integrated Care Board", "NHS Black Country Integrated Care Board", "NHS Coventry and Warwickshire Integrated Care Board"],
            icbs["West Midlands"].Order(StringComparer.Ordinal));
        Assert.Equal(5, icbs["Greater London Authority"].Length);
        Assert.All(scenario.World.Zones, z =>
        {
            Assert.Equal(AgeBands.Count, z.PeopleByAgeBand.Length);
            Assert.NotNull(z.MortalityRatio);
            Assert.NotNull(z.IllHealthOddsRatio);
            Assert.StartsWith($"{z.Region}, IMD decile {z.DeprivationDecile}", z.ZoneName);
        });
    }

    [Fact]
    public void EnglandMcas_StartYear_ReproducesEachMayoraltysOnsLeAndHle()
    {
        var scenario = Scenario();
        var result = ReplicationResult.For(scenario);
        new ReplicationRunner(scenario).Run(0, result);
        var checks = Checks();

        Assert.Equal(Mayoralties, checks.Select(c => c["authority"]));
        for (int r = 0; r < Mayoralties.Length; r++)
        {
            var check = checks[r];
            double le = result.RegionBaseline[r * RegionOutcomes.BaselineCount + RegionOutcomes.BaselineLeYears];
            double hle = result.RegionBaseline[r * RegionOutcomes.BaselineCount + RegionOutcomes.BaselineHleYears];
            string name = check["authority"];
            Assert.True(Math.Abs(le - D(check["ons_le_years"])) <= 0.5, $"{name}: LE {le:0.00} against ONS {check["ons_le_years"]}");
            // HLE where ONS publishes it for every council of the mayoralty (three have it only for their unitary councils).
            if (D(check["hle_population_share"]) == 1)
                Assert.True(Math.Abs(hle - D(check["ons_hle_years"])) <= 1.5, $"{name}: HLE {hle:0.00} against ONS {check["ons_hle_years"]}");
            // The model's start year is what the importer computed for the table's zones.
            Assert.Equal(D(check["model_le_years"]), le, 0.002);
            Assert.Equal(D(check["model_hle_years"]), hle, 0.002);
            Assert.Equal(D(check["population"]), result.RegionBaseline[r * RegionOutcomes.BaselineCount + RegionOutcomes.BaselinePopulation], 1);
        }
    }

    [Fact]
    public void EnglandMcas_StartYear_GapsAndNcdShare_AreInsideTheEvidenceBands()
    {
        var scenario = Scenario();
        var result = ReplicationResult.For(scenario);
        new ReplicationRunner(scenario).Run(0, result);

        Assert.InRange(result.BaselineValues[Baseline.HleGapYears], 17, 21);
        Assert.InRange(result.BaselineValues[Baseline.LeGapYears], 7, 11);
        Assert.InRange(result.BaselineValues[Baseline.NcdDeathShare], 0.85, 0.90);
        // The mayoralties are less healthy than England (61.5–63.5): 29 million people, most in the North and Midlands.
        Assert.InRange(result.BaselineValues[Baseline.HleYears], 59.5, 61.5);
    }

    [Fact]
    public void EnglandMcas_RunsAVariantOverTheHorizon_WithEveryRegionsOutcomesFinite()
    {
        var scenario = Scenario(horizonYears: 5);
        var result = ReplicationResult.For(scenario);
        new ReplicationRunner(scenario).Run(3, result);

        Assert.Equal(Mayoralties.Length, result.Regions);
        for (int r = 0; r < result.Regions; r++)
        {
            var outcomes = result.RegionOutcomesOf(0, r);
            Assert.All(outcomes.ToArray(), x => Assert.True(double.IsFinite(x)));
            Assert.Equal(outcomes[RegionOutcomes.HleYears] - result.RegionBaseline[r * RegionOutcomes.BaselineCount + RegionOutcomes.BaselineHleYears],
                outcomes[RegionOutcomes.HleChangeYears], 9);
            Assert.True(outcomes[RegionOutcomes.FundingPerHeadGbp] > 0);
        }
    }

    [Fact]
    public void UnknownPlaces_GetTheNearestName()
    {
        var result = ScenarioLoader.Parse("""{ "name": "x", "world": { "places": "england_mca" }, "variants": [ { "name": "a" } ] }""", "x.json", ".");

        var p = Assert.Single(result.Problems);
        Assert.Equal("world.places", p.JsonPath);
        Assert.Equal("'england_mca' is not a built-in world of places", p.Message);
        Assert.Equal("did you mean 'england_mcas'?", p.Fix);
    }

    [Fact]
    public void PlacesAndAnotherWorld_AreRefusedTogether()
    {
        var result = ScenarioLoader.Parse("""{ "name": "x", "world": { "places": "england_mcas", "archetype": "england_like" }, "variants": [ { "name": "a" } ] }""", "x.json", ".");

        Assert.Contains(result.Problems, p => p.Message == "give only one of 'archetype', 'regions', 'zones_csv' or 'places'");
    }
}
