using UrbanSim.Runner.Tests.Commands;

namespace UrbanSim.Runner.Tests.Sensitivity;

/// <summary><c>urbansim sensitivity</c> end to end on a tiny scenario: every output written, identical bytes on any thread count.</summary>
public class SensitivityCommandTests
{
    internal const string Scenario = """
        {
          "name": "tiny-sensitivity",
          "world": { "regions": [ { "name": "North", "capacity": "established", "zones": 4 }, { "name": "East", "capacity": "new", "zones": 4 } ] },
          "horizon_years": 3,
          "seed": 7,
          "uncertain": [
            { "parameter": "health.walking_relative_risk", "distribution": "lognormal", "median": 0.89, "lower95": 0.83, "upper95": 0.96 }
          ],
          "variants": [ { "name": "tied" }, { "name": "pot", "levers": { "settlement": "single_pot" } } ],
          "sensitivity": {
            "variant": "pot",
            "levers": { "funding_per_head_gbp": [100, 400], "mission_commitment": [0, 1], "icb_pooled_share": [0, 0.2] },
            "outcomes": ["hle_years", "hle_gap_years"]
          }
        }
        """;

    private static readonly string[] Expected =
    [
        "sobol.csv", "morris.csv", "samples.csv", "surrogate.json", "discovery.json", "manifest.json",
        "charts/tornado_hle_years.png", "charts/tornado_hle_years.svg", "charts/morris_hle_gap_years.png", "charts/morris_hle_gap_years.svg",
        "charts/surrogate_fit_hle_years.png", "charts/surrogate_fit_hle_years.svg", "charts/partial_dependence_hle_gap_years.png", "charts/partial_dependence_hle_gap_years.svg",
    ];

    [Fact]
    public void Sensitivity_WritesEveryOutput_IdenticallyOnOneAndTwoThreads()
    {
        using var cli = new CliHarness();
        string scenario = cli.Write("tiny.json", Scenario);
        string one = Path.Combine(cli.Folder, "one"), two = Path.Combine(cli.Folder, "two");
        var first = CliHarness.Cli("sensitivity", scenario, "--samples", "16", "--threads", "1", "--out", one);
        Assert.True(first.Code == 0, first.Err);
        var second = CliHarness.Cli("sensitivity", scenario, "--samples", "16", "--threads", "2", "--out", two);
        Assert.Equal(0, second.Code);
        foreach (string file in Expected) Assert.True(File.Exists(Path.Combine(one, file)), $"{file} is missing");

        var files = Directory.GetFiles(one, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(one, f)).Where(f => f != "manifest.json").Order().ToArray();
        Assert.True(files.Length >= Expected.Length - 1);
        foreach (string file in files)
            Assert.True(File.ReadAllBytes(Path.Combine(one, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(two, file))), $"{file} differs between 1 and 2 threads");

        // 2 outcomes × 4 factors. icb_pooled_share acts only under health devolution, so under a single pot its total index is 0.
        var sobol = File.ReadAllLines(Path.Combine(one, "sobol.csv"));
        Assert.Equal("outcome,factor,kind,first_order,first_order_low95,first_order_high95,total,total_low95,total_high95,parameters", sobol[0]);
        Assert.Equal(1 + 2 * 4, sobol.Length);
        var icb = sobol.Single(l => l.StartsWith("hle_years,icb_pooled_share,lever,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(0, double.Parse(icb[6], System.Globalization.CultureInfo.InvariantCulture));
        var samples = File.ReadAllLines(Path.Combine(one, "samples.csv"));
        Assert.StartsWith("design,group,row,funding_per_head_gbp,mission_commitment,icb_pooled_share,health.walking_relative_risk,hle_years,hle_gap_years,mission_gap_halved,hle_gap_reduction_share", samples[0]);
        Assert.Equal(1 + 16 * 6 + 4 * 5 + 50, samples.Length);
        var manifest = Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(Path.Combine(one, "manifest.json")));
        Assert.Equal("sensitivity", (string?)manifest["command"]);
        Assert.Equal(16, (int)manifest["sobol_base_samples"]!);
        Assert.NotNull(manifest["files"]!["discovery.json"]);
        Assert.Contains("top factors by total Sobol index", first.Out);
    }

    [Fact]
    public void Sensitivity_OnAScenarioWithNothingToVary_FailsWithAFixAndWritesNothing()
    {
        using var cli = new CliHarness();
        string scenario = cli.Write("plain.json", """{ "name": "p", "variants": [ { "name": "a" } ] }""");
        string outDir = Path.Combine(cli.Folder, "out");
        var (code, _, err) = CliHarness.Cli("sensitivity", scenario, "--out", outDir);
        Assert.Equal(2, code);
        Assert.Contains("nothing to vary", err);
        Assert.Contains("Fix:", err);
        Assert.False(Directory.Exists(outDir));
        CliHarness.AssertNoStackTrace(err);
    }
}
