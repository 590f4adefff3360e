using Newtonsoft.Json.Linq;
using UrbanSim.Runner.Batch;
using UrbanSim.Runner.Commands;
using static UrbanSim.Runner.Tests.Commands.CliHarness;

namespace UrbanSim.Runner.Tests.Commands;

/// <summary>The edges of the allowed ranges run like any other value: one year, one replication.</summary>
public sealed class RangeEdgeTests : IDisposable
{
    private readonly CliHarness _h = new();
    public void Dispose() => _h.Dispose();

    [Fact]
    public void Run_AOneYearHorizon_WritesEveryOutputAndChart_AndAManifest()
    {
        string scenario = _h.Write("one-year.json", TinyScenario.Replace("\"horizon_years\": 3", "\"horizon_years\": 1", StringComparison.Ordinal));
        string outDir = Path.Combine(_h.Folder, "one-year");

        var (code, _, stderr) = Cli("run", scenario, "--out", outDir);

        Assert.True(code == ExitCodes.Ok, stderr);
        var manifest = JObject.Parse(File.ReadAllText(Path.Combine(outDir, "manifest.json")));
        Assert.True((bool)manifest["complete"]!);
        Assert.Contains("charts/money_by_programme.svg", ((JObject)manifest["files"]!).Properties().Select(p => p.Name));
        Assert.Contains("Public money by programme, 2027 (mean over replications)", File.ReadAllText(Path.Combine(outDir, "charts", "money_by_programme.svg")));
        Assert.Equal(2, File.ReadAllLines(Path.Combine(outDir, "timeseries.csv")).Count(l => l.StartsWith("tied_grants,", StringComparison.Ordinal) && l.Contains(",hle_years,", StringComparison.Ordinal)));
    }

    [Fact]
    public void Run_OneReplication_WritesItsUndefinedSdAndIntervalsAsNull_NotZero()
    {
        string scenario = _h.Write("tiny.json", TinyScenario);
        string outDir = Path.Combine(_h.Folder, "one-rep");

        var (code, stdout, stderr) = Cli("run", scenario, "--out", outDir, "--reps", "1");

        Assert.True(code == ExitCodes.Ok, stderr);
        var summary = JObject.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        var hle = summary["outcomes"]!["tied_grants"]!["hle_years"]!;
        var difference = summary["paired_differences"]!["single_pot"]!["hle_years"]!;
        foreach (var field in new[] { hle["sd"], hle["ci95_low"], hle["ci95_high"], difference["sd"], difference["ci95_low"], difference["ci95_high"] })
            Assert.Equal(JTokenType.Null, field!.Type);
        Assert.Equal((double)hle["mean"]!, (double)hle["p50"]!);
        Assert.Contains("(–, –)", stdout);
    }
}
