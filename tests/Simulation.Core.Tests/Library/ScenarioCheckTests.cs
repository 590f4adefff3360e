using System.Collections.Immutable;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.Settlements;

namespace UrbanSim.Core.Tests.Library;

/// <summary>A scenario built in code is checked as the loader checks a file: every problem at once, each with its path.</summary>
public class ScenarioCheckTests
{
    private static Scenario InCode() => new()
    {
        Name = "in_code",
        World = WorldSpec.EnglandLike,
        Variants =
        [
            new PolicyVariant("tied_grants", new PolicyLevers { Settlement = SettlementCatalogue.TiedGrants }),
            new PolicyVariant("single_pot", new PolicyLevers { Settlement = SettlementCatalogue.SinglePot }),
        ],
    };

    [Fact]
    public void ScenarioWithDefaults_HasNoProblems() => Assert.Empty(ScenarioLoader.Check(InCode()));

    [Theory]
    [InlineData("reference.json")]
    [InlineData("england_mcas.json")]
    [InlineData("health_devolution.json")]
    public void EveryScenarioTheLoaderAccepts_PassesTheCheck(string file)
    {
        var loaded = ScenarioLoader.LoadFile(RepositoryRoot.File("scenarios", file));
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Problems));
        Assert.Empty(ScenarioLoader.Check(loaded.Scenario!));
    }

    [Fact]
    public void EveryProblem_IsReportedAtOnce_WithItsPathAndAFix()
    {
        var bad = InCode() with
        {
            HorizonYears = 0,
            Variants =
            [
                new PolicyVariant("same", new PolicyLevers { FundingPerHeadGbp = -5 }),
                new PolicyVariant("same", new PolicyLevers { MissionCommitment = 2 })
                {
                    Parameters = [new ParameterSetting("politics.no_such_thing", 1)],
                },
            ],
            Parameters = new ModelParameters { Funding = new FundingParameters { TiedPotMinYears = 5, TiedPotMaxYears = 2 } },
            Uncertain = [new UncertainParameter("health.not_a_parameter", Distribution.Uniform(0, 1))],
        };
        var problems = ScenarioLoader.Check(bad, "my_model.cs");
        var paths = problems.Select(p => p.JsonPath).ToHashSet();
        Assert.Contains("horizon_years", paths);
        Assert.Contains("variants[0].levers.funding_per_head_gbp", paths);
        Assert.Contains("variants[1].levers.mission_commitment", paths);
        Assert.Contains("variants[1].name", paths);
        Assert.Contains("variants[1].parameters.politics.no_such_thing", paths);
        Assert.Contains("parameters.funding", paths);
        Assert.Contains("uncertain[0].path", paths);
        Assert.All(problems, p => { Assert.Equal("my_model.cs", p.File); Assert.False(string.IsNullOrWhiteSpace(p.Fix)); });
    }

    [Fact]
    public void ParameterOutOfItsRange_IsReported()
    {
        var bad = InCode() with { Parameters = new ModelParameters { Health = new HealthParameters { WalkingRelativeRisk = 1.5 } } };
        Assert.Contains(ScenarioLoader.Check(bad), p => p.JsonPath == "parameters.health.walking_relative_risk");
    }
}
