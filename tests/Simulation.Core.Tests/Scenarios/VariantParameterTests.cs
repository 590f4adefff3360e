using UrbanSim.Core.Engine;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;

namespace UrbanSim.Core.Tests.Scenarios;

/// <summary>
/// A variant may set funding, politics and ICB parameters for itself (to switch off one of the mayor's roles, say):
/// they replace the scenario's value and any draw in that variant only, and the world's parameters stay shared.
/// </summary>
public sealed class VariantParameterTests : IDisposable
{
    private readonly TempFolder _temp = new("variant-parameters");

    public void Dispose() => _temp.Dispose();

    private ScenarioLoadResult Load(string variants, string uncertain = "[]") => ScenarioLoader.LoadFile(_temp.Write("s.json", $$"""
        {
          "name": "roles",
          "world": { "regions": [ { "name": "A", "capacity": "established", "zones": 6 }, { "name": "B", "capacity": "new", "zones": 5 } ] },
          "horizon_years": 8,
          "replications": 3,
          "seed": 5,
          "levers": { "settlement": "single_pot" },
          "uncertain": {{uncertain}},
          "variants": {{variants}}
        }
        """));

    private static ReplicationResult RunAll(Scenario scenario, int replication)
    {
        var result = ReplicationResult.For(scenario);
        new ReplicationRunner(scenario).Run(replication, result);
        return result;
    }

    [Fact]
    public void AVariantsOwnParameter_ChangesThatVariantOnly_AndBeatsTheUncertaintyDraw()
    {
        var loaded = Load("""
            [ { "name": "with_figurehead" },
              { "name": "without_figurehead", "parameters": { "politics": { "co_investment_per_gbp": 0, "figurehead_risk_discount_per_year": 0 } } },
              { "name": "same_again", "parameters": { "politics": { "co_investment_per_gbp": 0.2 } } } ]
            """, """[ { "parameter": "politics.co_investment_per_gbp", "distribution": "uniform", "min": 0.1, "max": 0.3 } ]""");
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Problems));
        var scenario = loaded.Scenario!;
        Assert.Equal([new ParameterSetting("politics.co_investment_per_gbp", 0), new ParameterSetting("politics.figurehead_risk_discount_per_year", 0)],
            scenario.Variants[1].Parameters.ToArray());
        for (int rep = 0; rep < scenario.Replications; rep++)
        {
            var result = RunAll(scenario, rep);
            Assert.True(result.Get(0, StandardOutcomes.CoInvestmentGbp) > 0);
            Assert.Equal(0, result.Get(1, StandardOutcomes.CoInvestmentGbp));   // the draw (0.1–0.3) does not reach this variant
            // Set to a fixed 0.2, the third brings partner money in proportion to 0.2, the first to its draw.
            Assert.InRange(result.DrawnParameters[0], 0.1, 0.3);
            Assert.NotEqual(result.Get(0, StandardOutcomes.CoInvestmentGbp), result.Get(2, StandardOutcomes.CoInvestmentGbp));
        }
    }

    [Fact]
    public void AVariantSettingItsOwnParameterToTheScenariosValue_GivesTheSameResultsBitForBit()
    {
        var loaded = Load("""
            [ { "name": "a" }, { "name": "b", "parameters": { "funding": { "non_health_share": 0.35 }, "icb": { "partnership_pooling_threshold": 0.5 } } } ]
            """);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Problems));
        var result = RunAll(loaded.Scenario!, 1);
        Assert.Equal(result.OutcomesOf(0).ToArray(), result.OutcomesOf(1).ToArray());
    }

    [Fact]
    public void AVariantMayNotChangeTheWorld_AndItsParametersAreCheckedAsTheScenariosAre()
    {
        var loaded = Load("""
            [ { "name": "a", "parameters": { "health": { "walking_relative_risk": 0.8 } } },
              { "name": "b", "parameters": { "politics": { "co_investment_per_gbp": 9, "convening_gain": 0.1 } } },
              { "name": "c", "parameters": { "politics": { "new_mayor_commitment_min": 0.9, "new_mayor_commitment_max": 0.2 } } } ]
            """);
        Assert.False(loaded.IsValid);
        var problems = loaded.Problems.Select(p => $"{p.Line}: {p.Message} | {p.Fix}").ToList();
        Assert.Contains(problems, p => p.StartsWith("9: a variant may not set 'health' parameters") && p.Contains("top-level \"parameters\""));
        Assert.Contains(problems, p => p.StartsWith("10: 9 is out of range") && p.Contains("from 0 to 5"));
        Assert.Contains(problems, p => p.StartsWith("10: unknown key 'convening_gain'"));
        Assert.Contains(problems, p => p.StartsWith("11:") && p.Contains("new_mayor_commitment_min is more than new_mayor_commitment_max"));
    }
}
