using Newtonsoft.Json.Linq;
using UrbanSim.Runner.Appraisal;
using UrbanSim.Runner.Batch;
using UrbanSim.Runner.Commands;
using UrbanSim.Runner.Tests.Batch;
using static UrbanSim.Runner.Tests.Commands.CliHarness;

namespace UrbanSim.Runner.Tests.Commands;

/// <summary>
/// Input that once reached an internal error (exit 70) or a hang: a huge or endless file, a tampered shard record, loose
/// JSON. Each must end with file:line:column, the field and a fix, exit code 2, nothing written and no stack trace.
/// </summary>
public sealed class UntrustedInputTests : IDisposable
{
    private readonly CliHarness _h = new();
    public void Dispose() => _h.Dispose();

    private string Scenario => File.Exists(Path.Combine(_h.Folder, "tiny.json")) ? Path.Combine(_h.Folder, "tiny.json") : _h.Write("tiny.json", TinyScenario);

    private string[] Shards()
    {
        return Enumerable.Range(1, 2).Select(k =>
        {
            string dir = Path.Combine(_h.Folder, $"shard{k}");
            var (code, _, err) = Cli("run", Scenario, "--reps", "20", "--shard", $"{k}/2", "--out", dir);
            Assert.True(code == ExitCodes.Ok, err);
            return dir;
        }).ToArray();
    }

    private static void Tamper(string shard, Action<JObject> change)
    {
        string path = Path.Combine(shard, ShardRecord.FileName);
        var o = JObject.Parse(File.ReadAllText(path));
        change(o);
        File.WriteAllText(path, o.ToString());
    }

    private (int Code, string Err, string Out) Merge(params string[] shards)
    {
        string outDir = Path.Combine(_h.Folder, "merged");
        var (code, _, err) = Cli(["merge", .. shards, "--out", outDir]);
        return (code, err, outDir);
    }

    [Theory]
    [InlineData("first_replication", -1, "first_replication: -1 is out of range (0 to 19)")]
    [InlineData("replications_done", 11, "replications_done: 11 is out of range (0 to 10)")]
    [InlineData("shard", 3, "shard: 3 is out of range (1 to 2)")]
    [InlineData("shards", 4, "first_replication: replications 0–9 are not slice 1/4 of 20 (0–4)")]
    [InlineData("replications", 200_000_000, "replications: 200000000 is out of range (1 to 100000000)")]
    public void Merge_RefusesATamperedShardRecord_NamingFileLineAndField(string field, long value, string expected)
    {
        var shards = Shards();
        Tamper(shards[0], o => o[field] = value);

        var (code, err, outDir) = Merge(shards);

        RunOutputs.AssertMergeRefused(code, err, outDir, $"{Path.Combine(shards[0], ShardRecord.FileName)}:", expected, "Fix: the record was damaged or edited");
        Assert.Matches(@"shard\.json:\d+:\d+: ", err);
    }

    [Fact]
    public void Merge_RefusesAScenarioPathThatNeverEnds_InsteadOfHanging()
    {
        if (!File.Exists("/dev/zero")) return;
        var shards = Shards();
        foreach (string shard in shards) Tamper(shard, o => o["scenario_full_path"] = "/dev/zero");

        var (code, err, outDir) = Merge(shards);

        RunOutputs.AssertMergeRefused(code, err, outDir, "/dev/zero (scenario_full_path of", "does not end");
    }

    [Fact]
    public void Validate_AHugeScenarioFile_ExitsTwoAtOnce()
    {
        string path = Path.Combine(_h.Folder, "huge.json");
        using (var f = File.Create(path)) f.SetLength(1536L << 20);   // 1.5 GiB, sparse

        var (code, _, err) = Cli("validate", path);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains($"{path}: the file is 1.5 GiB, more than the 1 MiB this kind of file may be. Fix:", err);
        AssertNoStackTrace(err);
    }

    [Fact]
    public void Run_AZonesCsvOfTheWrongKind_PrintsTheFirstHundredProblemsAndCountsTheRest()
    {
        string csv = _h.Write("zones.csv", "zone_id,region,deprivation_decile,population,walking_minutes_per_week,cycling_minutes_per_week,pm25_micrograms_per_m3,green_space_ndvi,cold_home_share,house_price_gbp_per_m2,site_capacity_homes,remediation_cost_gbp_per_home\n"
                                           + string.Concat(Enumerable.Repeat("x\n", 5000)));
        string scenario = _h.Write("csv.json", """{ "name": "c", "world": { "zones_csv": "zones.csv" }, "variants": [ { "name": "a" } ] }""");

        var (code, _, err) = Cli("run", scenario, "--out", Path.Combine(_h.Folder, "never"));

        Assert.Equal(ExitCodes.InvalidInput, code);
        var lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ScenarioInput.MaxPrinted + 2, lines.Length);
        Assert.Equal("… and 4,900 more; fix these first.", lines[^2]);
        Assert.StartsWith("5,000 problem(s) in", lines[^1]);
        Assert.False(Directory.Exists(Path.Combine(_h.Folder, "never")));
        Assert.Contains(csv, lines[0]);
    }

    [Theory]
    [InlineData("{\n  // walking\n  \"population\": {}\n}", 2, 3, "comments are not allowed in JSON")]
    [InlineData("{\n  'population': {}\n}", 2, 3, "single quotes are not allowed")]
    [InlineData("{\n  \"population\": {},\n}", 3, 1, "a comma after the last item is not allowed in JSON")]
    public void Appraise_RefusesLooseJson_ThatJqAndPythonWouldRefuse(string json, int line, int column, string message)
    {
        string path = _h.Write("loose.json", json);
        var stderr = new StringWriter();
        int code = AppraiseCommand.Run(path, null, new StringWriter(), stderr);

        Assert.Equal(AppraiseCommand.InvalidInput, code);
        Assert.Contains($"{path}:{line}:{column}: malformed JSON: {message}", stderr.ToString());
        Assert.False(File.Exists(AppraiseCommand.DefaultOutputPath(path)));
    }

    [Fact]
    public void Appraise_AFileThatNeverEnds_IsRefusedAtOnce()
    {
        if (!File.Exists("/dev/zero")) return;
        var stderr = new StringWriter();
        int code = AppraiseCommand.Run("/dev/zero", Path.Combine(_h.Folder, "r.json"), new StringWriter(), stderr);
        Assert.Equal(AppraiseCommand.InvalidInput, code);
        Assert.Contains("/dev/zero: the file is longer than the 1 MiB this kind of file may be", stderr.ToString());
    }
}
