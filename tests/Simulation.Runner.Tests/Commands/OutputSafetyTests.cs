using Newtonsoft.Json.Linq;
using UrbanSim.Runner.Appraisal;
using UrbanSim.Runner.Commands;
using static UrbanSim.Runner.Tests.Commands.CliHarness;

namespace UrbanSim.Runner.Tests.Commands;

/// <summary>What the outputs may contain and where they may go: no formulas in CSVs, no "Infinity" in JSON, no empty --out, exit 74 when a write fails.</summary>
public sealed class OutputSafetyTests : IDisposable
{
    private readonly CliHarness _h = new();
    public void Dispose() => _h.Dispose();

    [Fact]
    public void ZoneIdsAndRegionNamesThatLookLikeFormulas_ReachTheCsvsEscaped()
    {
        string[] lines = File.ReadAllLines(RepositoryRoot.File("examples", "zones-example.csv"));
        lines[1] = "=HYPERLINK(\"http://x\";\"y\")," + string.Join(',', lines[1].Split(',').Skip(1));   // zone id
        for (int i = 1; i < lines.Length; i++) lines[i] = lines[i].Replace(",Riverside,", ",@SUM(A1),", StringComparison.Ordinal);
        _h.Write("zones.csv", string.Join('\n', lines) + "\n");
        string scenario = _h.Write("formula.json", """
            { "name": "formula", "world": { "zones_csv": "zones.csv" }, "horizon_years": 2, "replications": 2,
              "variants": [ { "name": "+variant" } ] }
            """);
        string outDir = Path.Combine(_h.Folder, "out");

        var (code, _, stderr) = Cli("run", scenario, "--out", outDir);

        Assert.True(code == ExitCodes.Ok, stderr);
        string zones = File.ReadAllText(Path.Combine(outDir, "zones.csv"));
        Assert.Contains("'+variant,'=HYPERLINK(http://x;y),'@SUM(A1),", zones);   // the zones reader keeps no quotes
        foreach (string file in new[] { "zones.csv", "replications.csv", "timeseries.csv" })
            foreach (string line in File.ReadLines(Path.Combine(outDir, file)))
                foreach (string cell in line.Split(','))
                    Assert.False(cell.TrimStart('"').Length > 0 && cell.TrimStart('"')[0] is '=' or '+' or '@', $"{file}: a cell starts a formula: {cell}");
    }

    [Theory]
    [InlineData("run", "scenario", "--out")]
    [InlineData("sensitivity", "scenario", "--out")]
    [InlineData("merge", "shard", "--out")]
    [InlineData("appraise", "appraisal", "--out")]
    [InlineData("schema", null, "--out")]
    public void AnEmptyOut_IsRefused_AndNothingIsWrittenInTheCurrentFolder(string command, string? argument, string option)
    {
        string scenario = _h.Write("tiny.json", TinyScenario);
        string[] args = argument is null ? [command, option, ""] : [command, argument == "scenario" ? scenario : Path.Combine(_h.Folder, "x"), option, ""];
        var before = Directory.GetFileSystemEntries(Directory.GetCurrentDirectory());

        var (code, _, stderr) = Cli(args);

        Assert.NotEqual(ExitCodes.Ok, code);
        Assert.Contains("--out must name a ", stderr);
        Assert.Equal(before, Directory.GetFileSystemEntries(Directory.GetCurrentDirectory()));
    }

    [Fact]
    public void Appraise_PeopleBeyondTenBillion_IsRefused_NotWrittenAsInfinity()
    {
        string path = _h.Write("huge.json", """
            { "population": { "people": 1e308, "age_from_years": 0, "age_to_years": 120, "all_cause_mortality_per_100k": 99999 },
              "before": { "pm25_micrograms_per_m3": 0 }, "after": { "pm25_micrograms_per_m3": 500 } }
            """);
        var stderr = new StringWriter();
        int code = AppraiseCommand.Run(path, null, new StringWriter(), stderr);
        Assert.Equal(AppraiseCommand.InvalidInput, code);
        Assert.Contains("population.people", stderr.ToString());
        Assert.Contains("at most 10000000000", stderr.ToString());
    }

    [Fact]
    public void Appraise_AMuchWorseExposure_CanAtMostKillEveryone()
    {
        // Half the people die in a year already; PM2.5 from 0 to 500 µg/m³ multiplies the risk 1.08^50 ≈ 47 times.
        string path = _h.Write("worse.json", """
            { "population": { "people": 1000, "age_from_years": 0, "age_to_years": 120, "all_cause_mortality_per_100k": 50000 },
              "before": { "pm25_micrograms_per_m3": 0 }, "after": { "pm25_micrograms_per_m3": 500 } }
            """);
        int code = AppraiseCommand.Run(path, null, new StringWriter(), new StringWriter());
        Assert.Equal(AppraiseCommand.Success, code);
        var result = JObject.Parse(File.ReadAllText(AppraiseCommand.DefaultOutputPath(path)));
        // Unbounded it was about −46 × the 500 baseline deaths among 1,000 people; now at most everyone of the ages exposed dies.
        foreach (var deaths in new[] { (double)result["deaths_prevented_per_year"]!, (double)result["by_exposure"]!["pm25"]!["deaths_prevented_per_year"]! })
            Assert.InRange(deaths, -500, -1);
    }

    [Theory]
    [InlineData("appraise")]
    [InlineData("schema")]
    public void AFullDisk_EndsWithExit74_NotTheUsageCode(string command)
    {
        if (!LimitedWrites.Available) return;
        string input = _h.Write("walk.json", """
            { "population": { "people": 100000, "age_from_years": 20, "age_to_years": 74, "all_cause_mortality_per_100k": 500 },
              "before": { "walking_minutes_per_week": 0 }, "after": { "walking_minutes_per_week": 168 } }
            """);
        string output = Path.Combine(_h.Folder, "result.json");
        string[] args = command == "appraise" ? ["appraise", input, "--out", output] : ["schema", "--out", output];

        var (code, _, stderr) = LimitedWrites.Urbansim(0, args);

        Assert.Equal(ExitCodes.WriteFailed, code);
        AssertNoStackTrace(stderr);
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(_h.Folder, ".*.tmp"));
    }
}
