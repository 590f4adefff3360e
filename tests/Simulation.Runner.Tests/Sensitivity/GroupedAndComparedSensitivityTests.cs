using Newtonsoft.Json.Linq;
using UrbanSim.Core.Scenarios;
using UrbanSim.Runner.CostEffectiveness;
using UrbanSim.Runner.Sensitivity;
using UrbanSim.Runner.Tests.Commands;

namespace UrbanSim.Runner.Tests.Sensitivity;

/// <summary>
/// Groups of factors get the group's Sobol and Morris indices (checked on a function whose answers are known), a group of
/// one is exactly a lone factor, and compare_with makes every output the compared variant's paired difference from the base.
/// </summary>
public class GroupedAndComparedSensitivityTests
{
    /// <summary>y = x1 + x2 + 2 x3 on the unit cube, with x1 and x2 in one group: Var = 1/12 + 1/12 + 4/12.</summary>
    private sealed class Additive : ISensitivityModel
    {
        public IReadOnlyList<Factor> Factors { get; } =
            [Factor.Uniform("x1", FactorKind.Parameter, 0, 1), Factor.Uniform("x2", FactorKind.Parameter, 0, 1), Factor.Uniform("x3", FactorKind.Parameter, 0, 1)];
        public IReadOnlyList<FactorGroup> Groups => FactorGroup.ByName(Factors, ["pair", "pair", null]);
        public IReadOnlyList<string> Outputs { get; } = ["y"];
        public ISensitivityWorker CreateWorker() => new Worker();

        private sealed class Worker : ISensitivityWorker
        {
            public void Evaluate(ReadOnlySpan<double> unit, Span<double> outputs) => outputs[0] = unit[0] + unit[1] + 2 * unit[2];
        }
    }

    [Fact]
    public void GroupSobolIndicesMatchTheAnalyticShareOfVarianceOfTheGroupAsAWhole()
    {
        var results = SensitivityAnalysis.Run(new Additive(), new SensitivitySettings(4096, 5, 2, 20, 50), [0], surrogate: false);
        var sobol = results.Analyses[0].Sobol;
        Assert.Equal(["pair", "x3"], sobol.Select(s => s.Factor));
        Assert.Equal([FactorKind.ParameterGroup, FactorKind.Parameter], sobol.Select(s => s.Kind));
        Assert.Equal([2, 1], sobol.Select(s => s.Members));
        // Additive: first-order = total = the share of variance, 2/6 for the pair and 4/6 for x3.
        Assert.InRange(1.0 / 3, sobol[0].Total.Low, sobol[0].Total.High);
        Assert.InRange(1.0 / 3, sobol[0].FirstOrder.Low, sobol[0].FirstOrder.High);
        Assert.InRange(2.0 / 3, sobol[1].Total.Low, sobol[1].Total.High);
        // The design has N (G + 2) Sobol points, not N (k + 2).
        Assert.Equal(4096 * 4, results.SobolPoints.Length / 3);
    }

    [Fact]
    public void GroupMorrisEffectIsTheSumOfItsMembersSlopesAndEveryMemberMovesTogether()
    {
        var results = SensitivityAnalysis.Run(new Additive(), new SensitivitySettings(64, 5, 1, 10, 50), [0], surrogate: false);
        var morris = results.Analyses[0].Morris;
        Assert.Equal(2, morris[0].MuStar, 10);   // x1 and x2 move together: slope 1 + 1
        Assert.Equal(2, morris[1].MuStar, 10);   // x3: slope 2
        Assert.Equal(0, morris[0].Sigma, 10);
        // Each trajectory has G + 1 = 3 points and, between neighbours, only one group's columns change.
        var points = results.MorrisPoints;
        for (int t = 0; t < 10; t++)
            for (int s = 0; s < 2; s++)
            {
                int a = (t * 3 + s) * 3, b = a + 3;
                bool pairMoved = points[a] != points[b];
                Assert.Equal(pairMoved, points[a + 1] != points[b + 1]);
                Assert.NotEqual(pairMoved, points[a + 2] != points[b + 2]);
            }
    }

    [Fact]
    public void GroupsOfOneGiveExactlyTheDesignsOfLoneFactors()
    {
        var settings = new SensitivitySettings(32, 9, 1, 6, 50);
        var lone = SensitivityDesign.Create(settings, 4);
        var singletons = SensitivityDesign.Create(settings, 4, [.. Enumerable.Range(0, 4).Select(c => new FactorGroup("f" + c, FactorKind.Parameter, [c]))]);
        Assert.Equal(lone.SobolPoints, singletons.SobolPoints);
        Assert.Equal(lone.MorrisPoints, singletons.MorrisPoints);
        Assert.Equal(lone.MorrisMoved, singletons.MorrisMoved);
        Assert.Equal(lone.LhsPoints, singletons.LhsPoints);
    }

    private const string Compared = """
        {
          "name": "tiny-compare",
          "world": { "regions": [ { "name": "North", "capacity": "established", "zones": 4 }, { "name": "East", "capacity": "new", "zones": 4 } ] },
          "horizon_years": 4,
          "seed": 7,
          "uncertain": [
            { "set": "programme_evidence" },
            { "parameter": "health.walking_relative_risk", "distribution": "lognormal", "median": 0.89, "lower95": 0.83, "upper95": 0.96 }
          ],
          "variants": [ { "name": "tied" }, { "name": "pot", "levers": { "settlement": "single_pot" } } ],
          "sensitivity": {
            "variant": "tied",
            "compare_with": "pot",
            "levers": { "funding_per_head_gbp": [100, 400] },
            "outcomes": ["hle_years", "qalys"],
            "replications_per_sample": 2
          }
        }
        """;

    private static Scenario Load(string json, string folder)
    {
        string path = Path.Combine(folder, "s.json");
        File.WriteAllText(path, json);
        var result = ScenarioLoader.LoadFile(path);
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        return result.Scenario!;
    }

    [Fact]
    public void ComparedOutputsArePairedDifferencesOfTheTwoVariantsAtTheSamePoint()
    {
        using var cli = new CliHarness();
        var scenario = Load(Compared, cli.Folder);
        var compare = new ScenarioModel(scenario);
        Assert.Equal(["hle_years", "qalys", ScenarioModel.NetBenefit, ScenarioModel.ComparedBetter], compare.Outputs);
        // The same point run on each variant alone, as plain (non-comparing) models.
        var alone = new Func<string, ScenarioModel>(variant => new ScenarioModel(scenario with
        {
            Sensitivity = scenario.Sensitivity! with { Variant = variant, CompareWith = null },
        }));
        var unit = Enumerable.Range(0, compare.Factors.Count).Select(i => (i * 0.37 + 0.1) % 1).ToArray();
        var diff = new double[4];
        compare.CreateWorker().Evaluate(unit, diff);
        var tied = new double[4];
        var pot = new double[4];
        alone("tied").CreateWorker().Evaluate(unit, tied);
        alone("pot").CreateWorker().Evaluate(unit, pot);
        Assert.Equal(pot[0] - tied[0], diff[0], 9);
        Assert.Equal(pot[1] - tied[1], diff[1], 3);
        Assert.NotEqual(0, diff[0]);
        Assert.InRange(diff[3], 0, 1);
        Assert.True(diff[3] is 0 or 0.5 or 1, "two replications: the share better is 0, a half or 1");
    }

    [Fact]
    public void ComparingAnalysisGroupsTheSetByProgrammeAndSaysWhereTheComparedVariantWins()
    {
        using var cli = new CliHarness();
        string scenario = cli.Write("compare.json", Compared);
        string outDir = Path.Combine(cli.Folder, "out");
        var run = CliHarness.Cli("sensitivity", scenario, "--samples", "8", "--threads", "2", "--out", outDir);
        Assert.True(run.Code == 0, run.Err);
        Assert.Contains("'pot' against 'tied' (paired differences)", run.Err);

        var sobol = File.ReadAllLines(Path.Combine(outDir, "sobol.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var factors = sobol.Where(r => r[0] == "hle_years").Select(r => (Name: r[1], Kind: r[2], Members: int.Parse(r[9]))).ToList();
        // One lever, seven programme groups of the set, and the scenario's own walking risk on its own.
        Assert.Equal(9, factors.Count);
        Assert.Contains(("active_travel", "parameter_group", 12), factors);
        Assert.Contains(("health.walking_relative_risk", "parameter", 1), factors);
        Assert.Equal(UncertaintySets.All[UncertaintySets.ProgrammeEvidence].Length + 1, factors.Sum(f => f.Members) - 1);
        Assert.Contains(sobol, r => r[0] == ScenarioModel.NetBenefit);

        var discovery = JObject.Parse(File.ReadAllText(Path.Combine(outDir, "discovery.json")));
        Assert.NotNull(discovery["runs_compared_better"]);
        Assert.Contains("pot", (string)discovery["target"]!);
        var manifest = JObject.Parse(File.ReadAllText(Path.Combine(outDir, "manifest.json")));
        Assert.Equal("pot", (string)manifest["compared_variant"]!);
        Assert.Equal(12, ((JArray)manifest["factor_groups"]!["active_travel"]!).Count);
        // The surrogate still sees every parameter: samples.csv has a column per factor.
        string header = File.ReadLines(Path.Combine(outDir, "samples.csv")).First();
        Assert.Contains("programmes.active_travel_walking_ceiling_minutes_per_week", header);
    }

    [Theory]
    [InlineData("\"compare_with\": \"pto\"", "no variant is called 'pto'", "did you mean 'pot'?")]
    [InlineData("\"compare_with\": \"tied\"", "'tied' is the base variant itself", "name another variant to compare with, or remove \"compare_with\"")]
    [InlineData("\"factors\": \"by_group\"", "unknown factor layout 'by_group'", "write \"grouped\" (one factor per programme of an uncertainty set) or \"individual\" (every parameter its own factor)")]
    public void BadComparisonOrFactorLayoutIsRefusedAtItsKey(string entry, string message, string fix)
    {
        using var cli = new CliHarness();
        string path = cli.Write("bad.json", $$"""
            {
              "name": "bad",
              "variants": [ { "name": "tied" }, { "name": "pot", "levers": { "settlement": "single_pot" } } ],
              "sensitivity": { "levers": { "funding_per_head_gbp": [100, 400] }, {{entry}} }
            }
            """);
        var problem = Assert.Single(ScenarioLoader.LoadFile(path).Problems);
        Assert.Equal(message, problem.Message);
        Assert.Equal(fix, problem.Fix);
        Assert.Equal(4, problem.Line);
    }

    [Fact]
    public void IndividualLayoutMakesEveryParameterItsOwnFactor()
    {
        using var cli = new CliHarness();
        var scenario = Load(Compared.Replace("\"replications_per_sample\": 2", "\"replications_per_sample\": 2, \"factors\": \"individual\""), cli.Folder);
        var model = new ScenarioModel(scenario);
        Assert.Equal(model.Factors.Count, model.Groups.Count);
        Assert.All(model.Groups, g => Assert.NotEqual(FactorKind.ParameterGroup, g.Kind));
    }
}
