using UrbanSim.Core.Scenarios;
using UrbanSim.Core.Settlements;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Tests.Scenarios;

/// <summary>
/// Bad scenario input gets a message naming the file, line, JSON path and a fix; every problem is reported at once;
/// valid scenarios load. Line numbers below count the lines of the raw string literals (line 1 is the opening brace).
/// </summary>
public sealed class ScenarioLoaderTests : IDisposable
{
    private readonly TempFolder _temp = new("loader");

    public void Dispose() => _temp.Dispose();

    private string Write(string name, string text) => _temp.Write(name, text);

    /// <summary>Writes the scenario and returns its path and problems, checking that no scenario came back.</summary>
    private (string File, IReadOnlyList<ValidationProblem> Problems) Invalid(string json)
    {
        string path = Write("scenario.json", json);
        var result = ScenarioLoader.LoadFile(path);
        Assert.False(result.IsValid);
        Assert.Null(result.Scenario);
        Assert.NotEmpty(result.Problems);
        return (path, result.Problems);
    }

    private (string File, ValidationProblem Problem) Single(string json)
    {
        var (file, problems) = Invalid(json);
        return (file, Assert.Single(problems));
    }

    /// <summary>The problem names the file, the line (and a column), the JSON path and a fix, in its text too.</summary>
    private static void AssertLocated(ValidationProblem p, string file, int line, string jsonPath)
    {
        Assert.Equal(file, p.File);
        Assert.Equal(line, p.Line);
        Assert.True(p.Column > 0, $"column {p.Column} of {p}");
        Assert.Equal(jsonPath, p.JsonPath);
        Assert.False(string.IsNullOrWhiteSpace(p.Fix));
        string text = p.ToString();
        Assert.StartsWith($"{file}:{line}:{p.Column}: {jsonPath}: ", text);
        Assert.Contains(". Fix: ", text);
    }

    private const string Valid = """
        {
          "name": "tiny",
          "world": { "regions": [ { "name": "R", "capacity": "developing", "zones": 10 } ] },
          "horizon_years": 3,
          "replications": 4,
          "seed": 7,
          "variants": [ { "name": "a" }, { "name": "b", "levers": { "settlement": "single_pot" } } ]
        }
        """;

    [Fact]
    public void ValidScenario_Loads()
    {
        string path = Write("scenario.json", Valid);
        var result = ScenarioLoader.LoadFile(path);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var s = result.Scenario!;
        Assert.Equal("tiny", s.Name);
        Assert.Equal(3, s.HorizonYears);
        Assert.Equal(4, s.Replications);
        Assert.Equal(7UL, s.Seed);
        Assert.Equal(10, s.World.ZoneCount);
        Assert.Equal(["a", "b"], s.Variants.Select(v => v.Name));
        Assert.Equal(SettlementCatalogue.TiedGrants, s.Variants[0].Levers.Settlement);
        Assert.Equal(SettlementCatalogue.SinglePot, s.Variants[1].Levers.Settlement);
    }

    [Fact]
    public void BundledReferenceScenario_Loads()
    {
        var result = ScenarioLoader.LoadFile(RepositoryRoot.File("scenarios", "reference.json"));

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(300, result.Scenario!.World.ZoneCount);
        Assert.Equal(["tied_grants", "single_pot"], result.Scenario.Variants.Select(v => v.Name));
        Assert.Equal(UncertaintySets.All.Values.Sum(set => set.Length) + 9, result.Scenario.Uncertain.Length);
    }

    [Fact]
    public void ExampleUserZonesScenario_LoadsItsZonesCsv()
    {
        var result = ScenarioLoader.LoadFile(RepositoryRoot.File("examples", "user-zones.json"));

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var s = result.Scenario!;
        Assert.Equal(15, s.HorizonYears);
        Assert.Equal(["tied_grants", "single_pot"], s.Variants.Select(v => v.Name));
        Assert.InRange(s.World.Zones.Length, 35, 45);
        Assert.Equal(3, s.World.Zones.Select(z => z.Region).Distinct().Count());
        Assert.Equal([CapacityClass.Established, CapacityClass.Developing, CapacityClass.New],
            s.World.Zones.Select(z => z.RegionCapacity).Distinct().Order());
    }

    [Fact]
    public void MalformedJson_ReportsLineAndColumn()
    {
        var (file, p) = Single("""
            {
              "name": "tiny",
              "horizon_years": 3
              "variants": [ { "name": "a" } ]
            }
            """);

        Assert.StartsWith("malformed JSON", p.Message);
        AssertLocated(p, file, 4, "horizon_years");
        Assert.InRange(p.Column, 2, 3); // at, or just before, the unexpected quote in column 3
        Assert.Contains("comma", p.Fix);
    }

    [Fact]
    public void UnknownTopLevelKey_SuggestsNearestName()
    {
        var (file, p) = Single("""
            {
              "name": "tiny",
              "horizon_year": 3,
              "variants": [ { "name": "a" } ]
            }
            """);

        AssertLocated(p, file, 3, "horizon_year");
        Assert.Equal("unknown key 'horizon_year'", p.Message);
        Assert.Equal("did you mean 'horizon_years'?", p.Fix);
    }

    [Fact]
    public void UnknownNestedParameterKey_SuggestsNearestNameInItsGroup()
    {
        var (file, p) = Single("""
            {
              "name": "tiny",
              "parameters": {
                "health": {
                  "walking_relative_rsk": 0.9
                }
              },
              "variants": [ { "name": "a" } ]
            }
            """);

        AssertLocated(p, file, 5, "parameters.health.walking_relative_rsk");
        Assert.Equal("unknown key 'walking_relative_rsk'", p.Message);
        Assert.Equal("did you mean 'walking_relative_risk'?", p.Fix);
    }

    [Fact]
    public void UnknownKeyFarFromEveryName_ListsTheValidKeys()
    {
        var (file, p) = Single("""
            {
              "name": "tiny",
              "colour": "blue",
              "variants": [ { "name": "a" } ]
            }
            """);

        AssertLocated(p, file, 3, "colour");
        Assert.Contains("horizon_years", p.Fix);
    }

    [Fact]
    public void WrongType_SaysWhatWasFoundAndWhatToWrite()
    {
        var (file, problems) = Invalid("""
            {
              "name": "tiny",
              "horizon_years": "ten",
              "levers": { "funding_per_head_gbp": "lots" },
              "variants": [ { "name": "a" } ]
            }
            """);

        Assert.Equal(2, problems.Count);
        AssertLocated(problems[0], file, 3, "horizon_years");
        Assert.Equal("expected a whole number, found the string \"ten\"", problems[0].Message);
        Assert.Contains("from 1 to 200", problems[0].Fix);
        AssertLocated(problems[1], file, 4, "levers.funding_per_head_gbp");
        Assert.Equal("expected a number, found the string \"lots\"", problems[1].Message);
        Assert.Contains("from 0 to 5000", problems[1].Fix);
    }

    [Theory]
    [InlineData("\"horizon_years\": 500", "horizon_years", "500 is out of range", "from 1 to 200")]
    [InlineData("\"levers\": { \"competitive_share\": 1.5 }", "levers.competitive_share", "1.5 is out of range", "from 0 to 1")]
    [InlineData("\"parameters\": { \"health\": { \"walking_relative_risk\": 1.2 } }", "parameters.health.walking_relative_risk", "1.2 is out of range", "from 0.01 to 1")]
    [InlineData("\"parameters\": { \"funding\": { \"bids_per_theme_per_year\": 2.5 } }", "parameters.funding.bids_per_theme_per_year", "expected a whole number, found 2.5", "from 0 to 50")]
    public void OutOfRangeValue_SaysTheAllowedRange(string member, string path, string message, string range)
    {
        var (file, p) = Single($$"""
            {
              "name": "tiny",
              {{member}},
              "variants": [ { "name": "a" } ]
            }
            """);

        AssertLocated(p, file, 3, path);
        Assert.Equal(message, p.Message);
        Assert.Contains(range, p.Fix);
    }

    [Fact]
    public void HugeWholeNumber_IsOutOfRangeNotACrash()
    {
        var (file, problems) = Invalid("""
            {
              "name": "tiny",
              "horizon_years": 123456789012345678901234567890,
              "parameters": { "funding": { "bids_per_theme_per_year": 123456789012345678901234567890 } },
              "variants": [ { "name": "a" } ]
            }
            """);

        Assert.Equal(2, problems.Count);
        AssertLocated(problems[0], file, 3, "horizon_years");
        Assert.Contains("out of range", problems[0].Message);
        Assert.Contains("from 1 to 200", problems[0].Fix);
        AssertLocated(problems[1], file, 4, "parameters.funding.bids_per_theme_per_year");
        Assert.Contains("out of range", problems[1].Message);
    }

    [Fact]
    public void UnknownEnumValue_SuggestsNearestValue()
    {
        var (file, p) = Single("""
            {
              "name": "tiny",
              "variants": [
                { "name": "a" },
                { "name": "b", "levers": { "settlement": "single-pot" } }
              ]
            }
            """);

        AssertLocated(p, file, 5, "variants[1].levers.settlement");
        Assert.Equal("'single-pot' is not one of tied_grants, single_pot, health_devolution", p.Message);
        Assert.Equal("did you mean 'single_pot'?", p.Fix);
    }

    [Fact]
    public void MissingRequiredKeys_AreEachReportedAtTheObject()
    {
        var (file, problems) = Invalid("""
            {
              "horizon_years": 3
            }
            """);

        Assert.Equal(2, problems.Count);
        AssertLocated(problems[0], file, 1, "name");
        Assert.Equal("missing required key 'name'", problems[0].Message);
        Assert.Contains("\"name\"", problems[0].Fix);
        AssertLocated(problems[1], file, 1, "variants");
        Assert.Equal("missing required key 'variants'", problems[1].Message);
        Assert.Contains("\"variants\"", problems[1].Fix);
    }

    [Fact]
    public void MissingVariantName_IsReportedAtTheVariant()
    {
        var (file, p) = Single("""
            {
              "name": "tiny",
              "variants": [
                { "levers": { "settlement": "single_pot" } }
              ]
            }
            """);

        AssertLocated(p, file, 4, "variants[0].name");
        Assert.Equal("missing required key 'name'", p.Message);
    }

    [Fact]
    public void DuplicateVariantNames_AreReportedAtTheSecond()
    {
        var (file, p) = Single("""
            {
              "name": "tiny",
              "variants": [
                { "name": "same" },
                { "name": "same", "levers": { "settlement": "single_pot" } }
              ]
            }
            """);

        AssertLocated(p, file, 5, "variants[1].name");
        Assert.Equal("variant name 'same' is used twice", p.Message);
        Assert.Contains("different name", p.Fix);
    }

    [Theory]
    [InlineData("\"parameter\": \"health.walking_relative_risk\", \"distribution\": \"lognormal\", \"median\": 0.89, \"lower95\": 0.95, \"upper95\": 0.96",
        "impossible lognormal distribution: need lower95 < median < upper95")]
    [InlineData("\"parameter\": \"development.build_cost_gbp_per_m2\", \"distribution\": \"uniform\", \"min\": 1500, \"max\": 1500",
        "impossible uniform distribution: need min < max")]
    [InlineData("\"parameter\": \"development.build_cost_gbp_per_m2\", \"distribution\": \"uniform\", \"min\": 1600, \"max\": 1200",
        "impossible uniform distribution: need min < max")]
    [InlineData("\"parameter\": \"icb.prevention_share\", \"distribution\": \"beta\", \"alpha\": 0, \"beta\": 20",
        "impossible beta distribution: alpha and beta must be greater than 0")]
    [InlineData("\"parameter\": \"icb.prevention_share\", \"distribution\": \"beta\", \"alpha\": 2, \"beta\": -1",
        "impossible beta distribution: alpha and beta must be greater than 0")]
    public void ImpossibleDistribution_IsReportedAtItsEntry(string entry, string message)
    {
        var (file, p) = Single($$"""
            {
              "name": "tiny",
              "uncertain": [
                { {{entry}} }
              ],
              "variants": [ { "name": "a" } ]
            }
            """);

        AssertLocated(p, file, 4, "uncertain[0]");
        Assert.Equal(message, p.Message);
        Assert.Contains("distribution's parameters", p.Fix);
    }

    [Fact]
    public void UnknownUncertainParameterPath_SuggestsNearestPath()
    {
        var (file, p) = Single("""
            {
              "name": "tiny",
              "uncertain": [
                { "parameter": "health.walking_relative_rsk", "distribution": "uniform", "min": 0.8, "max": 0.95 }
              ],
              "variants": [ { "name": "a" } ]
            }
            """);

        AssertLocated(p, file, 4, "uncertain[0].parameter");
        Assert.Equal("unknown parameter 'health.walking_relative_rsk'", p.Message);
        Assert.Equal("did you mean 'health.walking_relative_risk'?", p.Fix);
    }

    [Fact]
    public void MissingZonesCsv_IsReportedAtTheZonesCsvKey()
    {
        var (file, p) = Single("""
            {
              "name": "tiny",
              "world": {
                "zones_csv": "no-such-zones.csv"
              },
              "variants": [ { "name": "a" } ]
            }
            """);

        AssertLocated(p, file, 4, "world.zones_csv");
        Assert.Contains("not found", p.Message);
        Assert.Contains(Path.Combine(_temp.Path, "no-such-zones.csv"), p.Message);
        Assert.Contains("relative to the scenario file", p.Fix);
    }

    [Fact]
    public void ProblemsInTheZonesCsv_NameTheCsvFileAndLine()
    {
        File.WriteAllText(Path.Combine(_temp.Path, "zones.csv"), Tests.World.ZoneCsvTests.Header + "\nZ1,R,developing,11,40000,80,6,9.5,0.35,0.06,2700,600,0\n");
        var (_, p) = Single("""
            {
              "name": "tiny",
              "world": { "zones_csv": "zones.csv" },
              "variants": [ { "name": "a" } ]
            }
            """);

        Assert.Equal(Path.Combine(_temp.Path, "zones.csv"), p.File);
        Assert.Equal(2, p.Line);
        Assert.Equal("deprivation_decile", p.JsonPath);
        Assert.Equal("11 is out of range", p.Message);
    }

    [Theory]
    [InlineData("funding", "\"tied_pot_min_years\": 5, \"tied_pot_max_years\": 2",
        "tied_pot_min_years (5) is more than tied_pot_max_years (2)", "minimum no larger than the maximum")]
    [InlineData("development", "\"sme_site_share\": 0.7, \"regeneration_site_share\": 0.4",
        "sme_site_share (0.7) and regeneration_site_share (0.4) add up to more than 1", "volume builders hold the rest")]
    public void InconsistentParameters_AreReportedAtTheirGroup(string group, string settings, string message, string fix)
    {
        var (file, p) = Single($$"""
            {
              "name": "tiny",
              "parameters": {
                "{{group}}": { {{settings}} }
              },
              "variants": [ { "name": "a" } ]
            }
            """);

        AssertLocated(p, file, 4, "parameters." + group);
        Assert.Equal(message, p.Message);
        Assert.Contains(fix, p.Fix);
    }

    [Fact]
    public void SeveralProblems_AreAllReportedInOnePass()
    {
        var (file, problems) = Invalid("""
            {
              "horizon_year": 15,
              "replications": 0,
              "levers": { "competitive_share": "a third" },
              "parameters": { "health": { "walking_relative_rsk": 0.9 } },
              "uncertain": [
                { "parameter": "health.walking_relative_risk", "distribution": "lognormal", "median": 0.89, "lower95": 0.95, "upper95": 0.96 }
              ],
              "variants": [
                { "name": "x", "levers": { "settlement": "single-pot" } },
                { "name": "x" }
              ]
            }
            """);

        Assert.Equal(8, problems.Count);
        string[] expectedPaths =
        [
            "horizon_year", "name", "replications", "levers.competitive_share", "parameters.health.walking_relative_rsk",
            "uncertain[0]", "variants[0].levers.settlement", "variants[1].name",
        ];
        int[] expectedLines = [2, 1, 3, 4, 5, 7, 10, 11];
        Assert.Equal(expectedPaths, problems.Select(p => p.JsonPath));
        for (int i = 0; i < problems.Count; i++) AssertLocated(problems[i], file, expectedLines[i], expectedPaths[i]);
    }

    [Fact]
    public void MissingFile_IsReportedWithoutALine()
    {
        string path = Path.Combine(_temp.Path, "absent.json");
        var result = ScenarioLoader.LoadFile(path);

        var p = Assert.Single(result.Problems);
        Assert.Null(result.Scenario);
        Assert.Equal(path, p.File);
        Assert.Equal(0, p.Line);
        Assert.Equal($"{path}: file not found. Fix: {p.Fix}", p.ToString());
    }

    [Fact]
    public void NonObjectRoot_IsReported()
    {
        var (file, p) = Single("[1, 2]");

        Assert.Equal(file, p.File);
        Assert.Equal(1, p.Line);
        Assert.Contains("must be a JSON object", p.Message);
    }
}
