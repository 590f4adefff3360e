using System.Globalization;
using Newtonsoft.Json.Linq;
using UrbanSim.Runner.Commands;
using UrbanSim.Runner.CostEffectiveness;
using UrbanSim.Runner.Tests.Commands;
using static UrbanSim.Runner.Tests.Commands.CliHarness;

namespace UrbanSim.Runner.Tests.CostEffectiveness;

/// <summary><c>urbansim programmes</c> and the <c>cost_effectiveness</c> block of summary.json.</summary>
public sealed class ProgrammesCommandTests : IDisposable
{
    private readonly CliHarness _h = new();
    public void Dispose() => _h.Dispose();

    private static string[][] ReadCsv(string path) => File.ReadAllLines(path).Select(l => l.Split(',')).ToArray();

    [Fact]
    public void Programmes_WritesOneRowPerVariantRegionAndHealthProgramme_WithTheDocumentedColumns()
    {
        string scenario = _h.Write("tiny.json", TinyScenario);
        string outDir = Path.Combine(_h.Folder, "programmes");
        var (code, stdout, stderr) = Cli("programmes", scenario, "--reps", "3", "--out", outDir);
        Assert.True(code == ExitCodes.Ok, stderr);
        var rows = ReadCsv(Path.Combine(outDir, "programmes.csv"));
        Assert.Equal(ProgrammesCommand.Columns, rows[0]);
        // One region, two variants, five health programmes (site assembly and capacity are not health programmes).
        Assert.Equal(2 * 5, rows.Length - 1);
        Assert.Equal(["active_travel", "clean_air", "warm_homes", "green_space", "joint_prevention"], rows.Skip(1).Take(5).Select(r => r[2]));
        Assert.All(rows.Skip(1), r => Assert.Equal("3", r[^1]));
        Assert.True(File.Exists(Path.Combine(outDir, "charts", Runner.Charts.CostEffectivenessChart.FileStem + ".png")));
        Assert.True(File.Exists(Path.Combine(outDir, "manifest.json")));
        Assert.Contains("joint_prevention", stdout);
    }

    [Fact]
    public void Programmes_GivesTheSameResultsOnOneAndTwoThreads()
    {
        string scenario = _h.Write("tiny.json", TinyScenario);
        string one = Path.Combine(_h.Folder, "one"), two = Path.Combine(_h.Folder, "two");
        Assert.Equal(ExitCodes.Ok, Cli("programmes", scenario, "--reps", "4", "--threads", "1", "--out", one).Code);
        Assert.Equal(ExitCodes.Ok, Cli("programmes", scenario, "--reps", "4", "--threads", "2", "--out", two).Code);
        Assert.Equal(File.ReadAllBytes(Path.Combine(one, "programmes.csv")), File.ReadAllBytes(Path.Combine(two, "programmes.csv")));
    }

    [Fact]
    public void Programmes_OnAnInvalidScenario_ExitsWithCode2AndWritesNothing()
    {
        string scenario = _h.Write("bad.json", InvalidScenario);
        string outDir = Path.Combine(_h.Folder, "bad");
        var (code, _, stderr) = Cli("programmes", scenario, "--out", outDir);
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("bad.json:", stderr);
        AssertNoStackTrace(stderr);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void AtTheReferenceBudgets_EachProgrammesMarginalCostPerQaly_IsInItsPublishedRange()
    {
        // docs/model.md §9.4: the median over regions of each health programme's marginal cost per QALY, for each
        // settlement of the reference scenario, lies in the range published evaluations support.
        var scenario = Core.Scenarios.ScenarioLoader.LoadFile(Path.Combine(RepositoryRoot.Path, "scenarios", "reference.json")).Scenario!;
        var results = ProgrammeCostEffectiveness.Analyse(scenario, replications: 8, threads: 2, ProgrammeCostEffectiveness.DefaultTopUpGbpPerHeadPerYear);
        var failures = new List<string>();
        foreach (var group in results.GroupBy(r => (r.Variant, r.Programme)))
        {
            var range = PublishedRanges.Of(group.Key.Programme) ?? throw new InvalidOperationException($"no published range for {group.Key.Programme}");
            var costs = group.Select(r => r.MarginalCostPerQalyGbp ?? double.PositiveInfinity).Order().ToArray();
            double median = costs[costs.Length / 2];
            if (!(median >= range.LowGbp && median <= range.HighGbp))
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{group.Key.Variant} {group.Key.Programme}: £{median:N0} per QALY, outside £{range.LowGbp:N0}–£{range.HighGbp:N0}"));
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Summary_CostEffectiveness_IsThePairedDifferencesOfCostAndQalys()
    {
        string scenario = _h.Write("tiny.json", TinyScenario);
        string outDir = Path.Combine(_h.Folder, "run");
        Assert.Equal(ExitCodes.Ok, Cli("run", scenario, "--reps", "6", "--out", outDir).Code);
        var summary = JObject.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        var block = summary["cost_effectiveness"]!["single_pot"]!;
        var paired = summary["paired_differences"]!["single_pot"]!;
        double publicCost = (double)paired["public_cost_gbp"]!["mean"]!, nhs = (double)paired["nhs_cost_gbp"]!["mean"]!, qalys = (double)paired["qalys"]!["mean"]!;
        Assert.Equal("tied_grants", (string?)block["against"]);
        Assert.Equal(publicCost, (double)block["incremental_public_cost_gbp"]!, 6);
        Assert.Equal(publicCost + nhs, (double)block["incremental_cost_gbp"]!, 3);
        Assert.Equal(qalys, (double)block["incremental_qalys"]!, 6);
        Assert.Equal(qalys * 70_000 - (publicCost + nhs), (double)block["net_monetary_benefit_gbp"]!, Math.Abs(publicCost) * 1e-9 + 1e-3);
        if (qalys > 0) Assert.Equal((publicCost + nhs) / qalys, (double)block["cost_per_qaly_gbp"]!, 1e-6 * Math.Abs((publicCost + nhs) / qalys));
        else Assert.Equal(JTokenType.Null, block["cost_per_qaly_gbp"]!.Type);
        Assert.InRange((double)block["probability_cost_effective"]!, 0, 1);
        Assert.StartsWith("Against tied_grants, single_pot", (string?)block["in_words"]);
    }

    [Theory]
    [InlineData(-1_000, 10, "dominates")]
    [InlineData(1_000, -10, "is dominated")]
    [InlineData(1_000_000, 100, "£10,000 per QALY, below")]
    [InlineData(10_000_000, 100, "£100,000 per QALY, above")]
    public void IncrementalCosts_DescribeTheComparisonInWords(double costGbp, double qalys, string expected) =>
        Assert.Contains(expected, IncrementalCosts.Describe("b", "a", costGbp, qalys));
}
