using System.Globalization;
using Newtonsoft.Json.Linq;
using UrbanSim.Runner.Commands;
using static UrbanSim.Runner.Tests.Commands.CliHarness;

namespace UrbanSim.Runner.Tests.Commands;

public sealed class RunCommandTests : IDisposable
{
    private readonly CliHarness _h = new();

    public void Dispose() => _h.Dispose();

    /// <summary>The outcomes the issue asks for.</summary>
    public static readonly string[] RequiredOutcomes =
    [
        "hle_years", "hle_gap_years", "le_years", "qalys", "deaths", "nhs_cost_gbp", "homes_built",
        "healthy_homes_share", "public_spend_gbp", "bidding_cost_gbp", "private_investment_gbp",
    ];

    private static readonly string[] SummaryFields = ["mean", "sd", "ci95_low", "ci95_high", "p5", "p25", "p50", "p75", "p95"];
    private static readonly string[] PairedFields = ["mean", "sd", "ci95_low", "ci95_high", "probability_better"];
    private static readonly string[] BaselineFields = ["hle_years", "hle_gap_years", "le_years", "le_gap_years", "ncd_death_share"];

    private static double Number(JToken? token)
    {
        Assert.NotNull(token);
        Assert.True(token.Type is JTokenType.Float or JTokenType.Integer, $"{token.Path} is {token.Type}");
        return (double)token;
    }

    [Fact]
    public void Run_SmallScenario_WritesSummaryWithDistributionsPairedDifferencesAndBaseline()
    {
        string scenario = _h.Write("tiny.json", TinyScenario);
        string outDir = Path.Combine(_h.Folder, "out");

        var (code, stdout, stderr) = Cli("run", scenario, "--out", outDir, "--threads", "1");

        Assert.Equal(ExitCodes.Ok, code);
        AssertNoStackTrace(stderr);
        string summaryPath = Path.Combine(outDir, "summary.json");
        Assert.Contains($"Wrote {outDir}/: summary.json", stdout);
        Assert.Contains("Healthy life expectancy (years)", stdout);
        Assert.Contains("Tied grants", stdout);
        var summary = JObject.Parse(File.ReadAllText(summaryPath));

        Assert.Equal("tiny", (string?)summary["scenario"]);
        Assert.Equal(4, (int)summary["replications"]!);
        Assert.Equal(7UL, (ulong)summary["seed"]!);
        Assert.Equal(["tied_grants", "single_pot"], summary["variants"]!.Values<string>());

        var outcomes = (JObject)summary["outcomes"]!;
        Assert.Equal(["tied_grants", "single_pot"], outcomes.Properties().Select(p => p.Name));
        foreach (string variant in new[] { "tied_grants", "single_pot" })
        {
            foreach (string outcome in RequiredOutcomes)
            {
                var s = outcomes[variant]![outcome] as JObject;
                Assert.True(s is not null, $"{variant}.{outcome} missing");
                Assert.Equal(SummaryFields, s.Properties().Select(p => p.Name));
                double[] q = new[] { "p5", "p25", "p50", "p75", "p95" }.Select(k => Number(s[k])).ToArray();
                for (int i = 1; i < q.Length; i++) Assert.True(q[i - 1] <= q[i], $"{variant}.{outcome} quantiles out of order");
                double mean = Number(s["mean"]);
                Assert.True(Number(s["sd"]) >= 0);
                Assert.InRange(mean, Number(s["ci95_low"]), Number(s["ci95_high"]));
                Assert.InRange(mean, q[0], q[^1]);
            }
        }
        Assert.InRange(Number(outcomes["tied_grants"]!["le_years"]!["mean"]), 70, 90);
        Assert.InRange(Number(outcomes["tied_grants"]!["hle_years"]!["mean"]), 50, 75);
        Assert.InRange(Number(outcomes["tied_grants"]!["healthy_homes_share"]!["mean"]), 0, 1);

        var paired = (JObject)summary["paired_differences"]!;
        var second = Assert.Single(paired.Properties());
        Assert.Equal("single_pot", second.Name);
        Assert.Equal("tied_grants", (string?)second.Value["against"]);
        foreach (string outcome in RequiredOutcomes)
        {
            var d = (JObject)second.Value[outcome]!;
            Assert.Equal(PairedFields, d.Properties().Select(p => p.Name));
            // Money spent is neither better nor worse in itself: it has no probability of being better.
            if (Core.Scenarios.ModelCatalogue.Standard.Outcomes.All.Single(o => o.Name == outcome).Direction == Core.Outcomes.Better.Neither)
                Assert.Equal(JTokenType.Null, d["probability_better"]!.Type);
            else Assert.InRange(Number(d["probability_better"]), 0, 1);
            Assert.InRange(Number(d["mean"]), Number(d["ci95_low"]), Number(d["ci95_high"]));
            double expected = Number(outcomes["single_pot"]![outcome]!["mean"]) - Number(outcomes["tied_grants"]![outcome]!["mean"]);
            Assert.Equal(expected, Number(d["mean"]), 1e-9 * Math.Max(1, Math.Abs(Number(outcomes["tied_grants"]![outcome]!["mean"]))));
        }
        // The single pot pays for no competitive bids: lower bidding cost is better in every replication.
        Assert.Equal(1.0, Number(second.Value["bidding_cost_gbp"]!["probability_better"]));

        var baseline = (JObject)summary["baseline"]!;
        Assert.Equal(BaselineFields, baseline.Properties().Select(p => p.Name));
        Assert.InRange(Number(baseline["le_years"]), 70, 90);
        Assert.InRange(Number(baseline["hle_years"]), 50, 75);
        Assert.InRange(Number(baseline["le_gap_years"]), 0, 20);
        Assert.InRange(Number(baseline["hle_gap_years"]), 0, 30);
        Assert.InRange(Number(baseline["ncd_death_share"]), 0, 1);
    }

    [Fact]
    public void Run_RepsAndSeedOptions_OverrideTheScenario()
    {
        string scenario = _h.Write("tiny.json", TinyScenario);
        string outDir = Path.Combine(_h.Folder, "out");

        var (code, _, _) = Cli("run", scenario, "--reps", "3", "--seed", "99", "--out", outDir, "--threads", "1");

        Assert.Equal(ExitCodes.Ok, code);
        var summary = JObject.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        Assert.Equal(3, (int)summary["replications"]!);
        Assert.Equal(99UL, (ulong)summary["seed"]!);
    }

    [Fact]
    public void Run_InvalidScenario_ExitsTwoWithMessagesAndWritesNothing()
    {
        string scenario = _h.Write("broken.json", InvalidScenario);
        string outDir = Path.Combine(_h.Folder, "out");

        var (code, stdout, stderr) = Cli("run", scenario, "--out", outDir);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Equal("", stdout);
        AssertNoStackTrace(stderr);
        string[] lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith($"{scenario}:3:", lines[0]);
        Assert.Contains("unknown key 'horizon_year'", lines[0]);
        Assert.Contains("did you mean 'horizon_years'?", lines[0]);
        Assert.StartsWith($"{scenario}:4:", lines[1]);
        Assert.Contains("replications", lines[1]);
        Assert.StartsWith($"{scenario}:5:", lines[2]);
        Assert.Contains("did you mean 'single_pot'?", lines[2]);
        Assert.Equal($"3 problem(s) in {scenario}; nothing was run or written.", lines[3]);
        Assert.False(Directory.Exists(outDir));
        Assert.Equal([scenario], Directory.GetFileSystemEntries(_h.Folder));
    }

    [Fact]
    public void Run_MissingScenarioFile_ExitsTwoWithAMessage()
    {
        string missing = Path.Combine(_h.Folder, "nowhere.json");
        string outDir = Path.Combine(_h.Folder, "out");

        var (code, _, stderr) = Cli("run", missing, "--out", outDir);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains($"{missing}: file not found", stderr);
        AssertNoStackTrace(stderr);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Run_OutPathThatIsAFile_FailsWithAMessageBeforeRunning()
    {
        string scenario = _h.Write("tiny.json", TinyScenario);
        string blocker = _h.Write("occupied", "not a folder");

        var (code, stdout, stderr) = Cli("run", scenario, "--out", blocker, "--threads", "1");

        Assert.NotEqual(ExitCodes.Ok, code);
        Assert.Contains(blocker, stderr);
        AssertNoStackTrace(stderr);
        Assert.DoesNotContain("Wrote", stdout);
        Assert.Equal("not a folder", File.ReadAllText(blocker));
    }

    [Fact]
    public void Run_SameSeedOnOneOrTwoThreads_WritesByteIdenticalSummaries()
    {
        string scenario = _h.Write("tiny.json", TinyScenario);
        string one = Path.Combine(_h.Folder, "one"), two = Path.Combine(_h.Folder, "two"), other = Path.Combine(_h.Folder, "other");

        Assert.Equal(ExitCodes.Ok, Cli("run", scenario, "--reps", "6", "--seed", "11", "--threads", "1", "--out", one).Code);
        Assert.Equal(ExitCodes.Ok, Cli("run", scenario, "--reps", "6", "--seed", "11", "--threads", "2", "--out", two).Code);
        Assert.Equal(ExitCodes.Ok, Cli("run", scenario, "--reps", "6", "--seed", "12", "--threads", "2", "--out", other).Code);

        byte[] a = File.ReadAllBytes(Path.Combine(one, "summary.json"));
        byte[] b = File.ReadAllBytes(Path.Combine(two, "summary.json"));
        Assert.Equal(a, b);
        // A different seed gives different numbers, so the equality above is not vacuous.
        Assert.NotEqual(a, File.ReadAllBytes(Path.Combine(other, "summary.json")));
    }

    [Fact]
    public void RunMethod_CanBeCalledDirectly()
    {
        string scenario = _h.Write("tiny.json", TinyScenario);
        string outDir = Path.Combine(_h.Folder, "direct");
        var stdout = new StringWriter(CultureInfo.InvariantCulture);
        var stderr = new StringWriter(CultureInfo.InvariantCulture);

        int code = RunCommand.Run(new RunOptions(scenario, 2, null, 1, outDir), stdout, stderr);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(2, (int)JObject.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")))["replications"]!);
    }
}
