using System.Globalization;
using Newtonsoft.Json.Linq;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Runner.Commands;
using UrbanSim.Runner.Tests.Output;
using static UrbanSim.Runner.Tests.Commands.CliHarness;

namespace UrbanSim.Runner.Tests.Commands;

/// <summary><c>urbansim trace</c>: one replication's agents year by year, consistent with a run of the same seed.</summary>
public sealed class TraceCommandTests : IDisposable
{
    private readonly CliHarness _h = new();
    public void Dispose() => _h.Dispose();

    private const string TwoRegions = """
        {
          "name": "two",
          "world": { "regions": [ { "name": "North", "capacity": "established", "zones": 8 }, { "name": "South", "capacity": "new", "zones": 6 } ] },
          "horizon_years": 5,
          "replications": 6,
          "seed": 11,
          "uncertain": [ { "set": "settlement_and_mayor_evidence" } ],
          "variants": [
            { "name": "tied_grants", "levers": { "settlement": "tied_grants" } },
            { "name": "health_devolution", "levers": { "settlement": "health_devolution", "icb_partnership": 0.8 } }
          ]
        }
        """;

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public void Trace_WritesEveryAgentEveryYear_AndItsFinalYearIsTheRunsReplication()
    {
        string scenario = _h.Write("two.json", TwoRegions);
        string traceDir = Path.Combine(_h.Folder, "trace"), runDir = Path.Combine(_h.Folder, "run");
        var (code, stdout, stderr) = Cli("trace", scenario, "--replication", "4", "--out", traceDir);
        Assert.True(code == ExitCodes.Ok, stderr);
        Assert.Contains("Traced replication 4", stdout);
        var lines = File.ReadAllLines(Path.Combine(traceDir, "trace.csv"));
        Assert.Equal(TraceCommand.CsvHeader, lines[0]);
        int quantities = Enumerable.Range(0, RegionOutcomes.Count).Count(o => RegionOutcomes.AgentOf[o] != "region");
        var d = new DevelopmentParameters();
        int firms = 2 * (d.VolumeBuildersPerRegion + d.SmeBuildersPerRegion + d.RegenerationSpecialistsPerRegion);   // two regions
        int lenders = 2 * d.LendersPerRegion;
        // variants × years × (regions × the quantities of a mayor, an ICB, developers and lenders + firms × a firm's + lenders × a lender's)
        Assert.Equal(2 * 5 * (2 * quantities + firms * FirmOutcomes.Count + lenders * TraceCommand.LenderQuantities.Length), lines.Length - 1);
        var rows = lines.Skip(1).Select(AnalystTablesTests.Cells).ToArray();
        Assert.Equal(["2027", "2028", "2029", "2030", "2031"], rows.Select(r => r[1]).Distinct());

        // The same replication in a run: the ICBs' pooled money in the trace's final year adds up to the run's outcome.
        (code, _, stderr) = Cli("run", scenario, "--out", runDir);
        Assert.True(code == ExitCodes.Ok, stderr);
        var replications = File.ReadAllLines(Path.Combine(runDir, "replications.csv"));
        string[] header = AnalystTablesTests.Cells(replications[0]);
        var row = replications.Skip(1).Select(AnalystTablesTests.Cells)
            .Single(r => r[Array.IndexOf(header, "replication")] == "4" && r[Array.IndexOf(header, "variant")] == "health_devolution");
        double pooled = Number(row[Array.IndexOf(header, "icb_pooled_gbp")]);
        double traced = rows.Where(r => r[0] == "health_devolution" && r[1] == "2031" && r[5] == "icb_pooled_gbp").Sum(r => Number(r[6]));
        Assert.True(pooled > 0);
        Assert.Equal(pooled, traced, pooled * 1e-6);

        // Every developer firm, every year: the homes the firms completed add up to the homes the run built by then.
        var firmHomes = rows.Where(r => r[0] == "health_devolution" && r[1] == "2031" && r[2] == "developer_firm" && r[5] == "firm_homes_completed").ToArray();
        Assert.Equal(firms, firmHomes.Length);
        Assert.Contains(firmHomes, r => r[3] == "North volume builder 1");
        Assert.Contains(firmHomes, r => r[3] == "South SME 6");
        Assert.Equal(Number(row[Array.IndexOf(header, "homes_built")]), firmHomes.Sum(r => Number(r[6])), 1e-3);

        // Every lender: what the lenders of a region lent adds up to the region's lenders' total.
        double lentNorth = rows.Where(r => r[0] == "health_devolution" && r[1] == "2031" && r[2] == "lender" && r[4] == "North" && r[5] == "lender_lent_gbp").Sum(r => Number(r[6]));
        double groupNorth = Number(rows.Single(r => r[0] == "health_devolution" && r[1] == "2031" && r[3] == "North lenders" && r[5] == "lenders_lent_gbp")[6]);
        Assert.Equal(groupNorth, lentNorth, Math.Max(1, groupNorth) * 1e-6);
        Assert.Contains(rows, r => r[3] == "South lender 1 (most cautious)");

        // trace.json: provenance, the replication's draws, and the same values nested by variant, year and agent.
        var json = JObject.Parse(File.ReadAllText(Path.Combine(traceDir, "trace.json")));
        Assert.Equal(4, (int)json["replication"]!);
        Assert.Equal(11UL, (ulong)json["seed"]!);
        Assert.True(((JObject)json["drawn_parameters"]!).Count > 10);
        var agent = json["variants"]![1]!["years"]![4]!["agents"]!.Single(a => (string)a["agent"]! == "North ICB");
        Assert.Equal(Number(rows.Single(r => r[0] == "health_devolution" && r[1] == "2031" && r[3] == "North ICB" && r[5] == "icb_partnership")[6]),
            (double)agent["icb_partnership"]!, 6);
    }

    [Fact]
    public void Trace_InvalidScenario_ExitsTwoAndWritesNothing()
    {
        string scenario = _h.Write("broken.json", InvalidScenario);
        string outDir = Path.Combine(_h.Folder, "out");
        var (code, _, stderr) = Cli("trace", scenario, "--out", outDir);
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("problem(s) in", stderr);
        AssertNoStackTrace(stderr);
        Assert.False(Directory.Exists(outDir));
    }
}
