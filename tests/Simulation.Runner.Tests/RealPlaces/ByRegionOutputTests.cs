using System.Globalization;
using Newtonsoft.Json.Linq;
using UrbanSim.Core.Outcomes;
using UrbanSim.Runner.Commands;
using UrbanSim.Runner.Output;
using UrbanSim.Runner.Tests.Commands;
using static UrbanSim.Runner.Tests.Commands.CliHarness;

namespace UrbanSim.Runner.Tests.RealPlaces;

/// <summary>
/// Outputs by place: summary.json's by_region block (baseline, outcomes with the whole world's statistics, paired
/// differences), zones.csv's real zone names and ICBs, and the chart of HLE change by mayoralty.
/// </summary>
public sealed class ByRegionOutputTests : IDisposable
{
    private readonly CliHarness _h = new();
    public void Dispose() => _h.Dispose();

    private static readonly string[] Statistics = ["mean", "sd", "ci95_low", "ci95_high", "p5", "p25", "p50", "p75", "p95"];

    private string RunEnglandMcas()
    {
        string outDir = Path.Combine(_h.Folder, "mcas");
        var (code, _, stderr) = Cli("run", RepositoryRoot.File("scenarios", "england_mcas.json"), "--reps", "4", "--out", outDir);
        Assert.True(code == ExitCodes.Ok, stderr);
        return outDir;
    }

    [Fact]
    public void EnglandMcasRun_SummaryHasEveryMayoraltyByName_WithBaselineOutcomesAndPairedDifferences()
    {
        string dir = RunEnglandMcas();
        var summary = JObject.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
        var byRegion = (JObject)summary["by_region"]!;

        Assert.Equal(14, byRegion.Count);
        Assert.Equal("Greater Manchester", byRegion.Properties().First().Name);
        Assert.Equal("Greater London Authority", byRegion.Properties().Last().Name);
        var checks = File.ReadAllLines(RepositoryRoot.File("places", "england_mcas.checks.csv")).Where(l => !l.StartsWith('#')).Skip(1)
            .ToDictionary(l => l.Split(',')[0], l => l.Split(','));
        foreach (var (name, token) in byRegion)
        {
            var region = (JObject)token!;
            Assert.Equal(checks[name][2], (string?)region["capacity"]);
            Assert.NotEmpty((JArray)region["icbs"]!);
            var baseline = (JObject)region["baseline"]!;
            Assert.Equal(["population", "le_years", "hle_years"], baseline.Properties().Select(p => p.Name));
            Assert.Equal(double.Parse(checks[name][9], CultureInfo.InvariantCulture), (double)baseline["le_years"]!, 0.002);
            Assert.Equal(double.Parse(checks[name][3], CultureInfo.InvariantCulture), (double)baseline["population"]!);
            foreach (string variant in new[] { "tied_grants", "single_pot", "health_devolution" })
            {
                var outcomes = (JObject)region["outcomes"]![variant]!;
                Assert.Equal(RegionOutcomes.Names, outcomes.Properties().Select(p => p.Name));
                foreach (var (_, stats) in outcomes) Assert.Equal(Statistics, ((JObject)stats!).Properties().Select(p => p.Name));
                Assert.Equal((double)outcomes["hle_years"]!["mean"]! - (double)baseline["hle_years"]!, (double)outcomes["hle_change_years"]!["mean"]!, 9);
            }
            var paired = (JObject)region["paired_differences"]!;
            Assert.Equal(["single_pot", "health_devolution"], paired.Properties().Select(p => p.Name));
            double difference = (double)region["outcomes"]!["single_pot"]!["hle_years"]!["mean"]! - (double)region["outcomes"]!["tied_grants"]!["hle_years"]!["mean"]!;
            Assert.Equal(difference, (double)paired["single_pot"]!["hle_years"]!["mean"]!, 9);
            Assert.InRange((double)paired["single_pot"]!["hle_years"]!["probability_better"]!, 0, 1);
        }
    }

    [Fact]
    public void EnglandMcasRun_ZonesCsvKeepsTheZonesNamesAndIcbs_AndTheMayoraltyChartIsDrawn()
    {
        string dir = RunEnglandMcas();
        var rows = File.ReadAllLines(Path.Combine(dir, "zones.csv"));

        Assert.Equal(ZonesCsv.Header, rows[0]);
        Assert.StartsWith("variant,zone,region,", rows[0]);
        Assert.EndsWith(",zone_name,local_authority,icb", rows[0]);
        Assert.Contains(rows, r => r.StartsWith("tied_grants,E47000001-D01,Greater Manchester,established,1,", StringComparison.Ordinal)
                                   && r.EndsWith(",\"Greater Manchester, IMD decile 1\",,NHS Greater Manchester Integrated Care Board", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(dir, "charts", "hle_change_by_region.png")));
        string svg = File.ReadAllText(Path.Combine(dir, "charts", "hle_change_by_region.svg"));
        Assert.Contains("Change in healthy life expectancy by mayoralty, 2026–2051", svg);
        Assert.Contains("Hull and East Yorkshire", svg);
    }

    [Fact]
    public void ASyntheticWorld_HasByRegionToo()
    {
        _h.Write("tiny.json", TinyScenario);
        string outDir = Path.Combine(_h.Folder, "tiny");
        Assert.Equal(ExitCodes.Ok, Cli("run", Path.Combine(_h.Folder, "tiny.json"), "--out", outDir).Code);
        var summary = JObject.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));

        var only = (JObject)summary["by_region"]!["Only"]!;
        Assert.Equal("developing", (string?)only["capacity"]);
        Assert.Equal(10, (int)only["zones"]!);
        Assert.Empty((JArray)only["icbs"]!);
        // One region: its population-weighted LE is close to the world's pooled life table (docs/places.md).
        Assert.Equal((double)summary["baseline"]!["le_years"]!, (double)only["baseline"]!["le_years"]!, 0.5);
        Assert.True(File.Exists(Path.Combine(outDir, "charts", "hle_change_by_region.svg")));
    }
}
