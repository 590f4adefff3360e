using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;

namespace UrbanSim.Core.Tests.Scenarios;

/// <summary>The scenario's "sensitivity" block: read when valid, every problem reported with its place and a fix.</summary>
public class SensitivityBlockTests
{
    private static ScenarioLoadResult Load(string sensitivity) => ScenarioLoader.Parse($$"""
        {
          "name": "s",
          "variants": [ { "name": "tied" }, { "name": "pot", "levers": { "settlement": "single_pot" } } ],
          "sensitivity": {{sensitivity}}
        }
        """.ReplaceLineEndings("\n"), "s.json", ".");

    [Fact]
    public void ValidBlock_IsReadWithItsRangesOutcomesAndVariant()
    {
        var result = Load("""{ "variant": "pot", "levers": { "funding_per_head_gbp": [100, 400], "mission_commitment": [0, 1] }, "outcomes": ["hle_gap_years"], "replications_per_sample": 3 }""");
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var spec = result.Scenario!.Sensitivity!;
        Assert.Equal("pot", spec.Variant);
        Assert.Equal([new LeverRange("funding_per_head_gbp", 100, 400), new LeverRange("mission_commitment", 0, 1)], spec.Levers.ToArray());
        Assert.Equal(["hle_gap_years"], spec.Outcomes.ToArray());
        Assert.Equal(3, spec.ReplicationsPerSample);
    }

    [Fact]
    public void NoBlock_MeansNoSensitivitySpec()
    {
        var result = ScenarioLoader.Parse("""{ "name": "s", "variants": [ { "name": "a" } ] }""", "s.json", ".");
        Assert.True(result.IsValid);
        Assert.Null(result.Scenario!.Sensitivity);
    }

    [Fact]
    public void BadBlock_ReportsEveryProblemAtOnceWithPlaceAndFix()
    {
        var result = Load("""
            {
              "variant": "pots",
              "levers": {
                "funding_per_head": [100, 400],
                "mission_commitment": [0, 1.5],
                "analytical_capacity": [0.8, 0.2],
                "settlement": [0, 1],
                "churn_rate_per_year": 0.3
              },
              "outcomes": ["hle_gap_year"],
              "replications_per_sample": 0
            }
            """);
        Assert.False(result.IsValid);
        var text = result.Problems.Select(p => p.ToString()).ToArray();
        Assert.Equal(8, text.Length);
        Assert.Contains(text, t => t.Contains("sensitivity.variant: no variant is called 'pots'") && t.Contains("did you mean 'pot'?"));
        Assert.Contains(text, t => t.Contains("unknown numeric lever 'funding_per_head'") && t.Contains("did you mean 'funding_per_head_gbp'?"));
        Assert.Contains(text, t => t.Contains("1.5 is outside the lever's range 0 to 1"));
        Assert.Contains(text, t => t.Contains("min 0.8 is not below max 0.2"));
        Assert.Contains(text, t => t.Contains("'settlement'") && t.Contains("category"));
        Assert.Contains(text, t => t.Contains("sensitivity.levers.churn_rate_per_year: expected [min, max]"));
        Assert.Contains(text, t => t.Contains("unknown outcome 'hle_gap_year'") && t.Contains("did you mean 'hle_gap_years'?"));
        Assert.Contains(text, t => t.Contains("sensitivity.replications_per_sample: 0 is out of range"));
        Assert.All(result.Problems, p => Assert.True(p.Line > 0));
        Assert.Contains(result.Problems, p => p.Line == 8 && p.JsonPath == "sensitivity.levers.mission_commitment[1]");
    }

    [Fact]
    public void NothingToVary_IsAProblem()
    {
        var result = Load("""{ "levers": {} }""");
        Assert.Contains(result.Problems, p => p.Message.Contains("nothing to vary"));
    }
}
