using System.Globalization;
using Newtonsoft.Json.Linq;
using UrbanSim.Core.Engine;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Runner.Batch;
using UrbanSim.Runner.Commands;
using UrbanSim.Runner.Output;
using UrbanSim.Runner.Tests.Commands;
using static UrbanSim.Runner.Tests.Commands.CliHarness;

namespace UrbanSim.Runner.Tests.Batch;

/// <summary>The files <c>urbansim run</c> writes: determinism, agreement between them, resume.</summary>
public sealed class BatchOutputTests : IDisposable
{
    private readonly CliHarness _h = new();
    public void Dispose() => _h.Dispose();

    private string Run(string name, params string[] extra)
    {
        string scenario = Path.Combine(_h.Folder, "tiny.json");
        if (!File.Exists(scenario)) _h.Write("tiny.json", TinyScenario);
        string outDir = Path.Combine(_h.Folder, name);
        var (code, _, stderr) = Cli(["run", scenario, "--out", outDir, .. extra]);
        Assert.True(code == ExitCodes.Ok, stderr);
        return outDir;
    }

    private static List<string[]> ReadCsv(string path) =>
        File.ReadAllLines(path).Select(line => line.Split(',')).ToList();

    [Fact]
    public void EveryOutput_SameSeed_IsByteIdenticalOnOneAndTwoThreads()
    {
        string one = Run("one", "--reps", "300", "--threads", "1");
        string two = Run("two", "--reps", "300", "--threads", "2");
        RunOutputs.AssertSame(one, two);
        Assert.Equal(1, (int)RunOutputs.Manifest(one)["threads"]!);
        Assert.Equal(2, (int)RunOutputs.Manifest(two)["threads"]!);
    }

    [Fact]
    public void ADifferentSeed_ChangesTheOutputs_SoTheIdentityAboveIsNotVacuous()
    {
        string a = Run("a", "--reps", "20", "--seed", "1");
        string b = Run("b", "--reps", "20", "--seed", "2");
        Assert.NotEqual(File.ReadAllText(Path.Combine(a, "replications.csv")), File.ReadAllText(Path.Combine(b, "replications.csv")));
        Assert.NotEqual((string?)RunOutputs.Manifest(a)["run_key"], (string?)RunOutputs.Manifest(b)["run_key"]);
    }

    [Fact]
    public void ReplicationsCsv_HasOneRowPerReplicationAndVariant_AndItsMeansAreTheSummarys()
    {
        string dir = Run("out", "--reps", "40");
        var rows = ReadCsv(Path.Combine(dir, "replications.csv"));
        string[] header = rows[0];
        Assert.Equal(["replication", "seed", "variant"], header[..3]);
        var tiny = ScenarioLoader.LoadFile(Path.Combine(_h.Folder, "tiny.json")).Scenario!;
        Assert.Equal(ReplicationsCsv.Columns(tiny), header);
        Assert.Equal(40 * 2 + 1, rows.Count);
        Assert.All(rows.Skip(1), r => Assert.Equal(header.Length, r.Length));
        Assert.Equal(Enumerable.Range(0, 40).SelectMany(i => new[] { i, i }), rows.Skip(1).Select(r => int.Parse(r[0], CultureInfo.InvariantCulture)));
        Assert.All(rows.Skip(1), r => Assert.Equal("7", r[1]));

        var summary = JObject.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
        foreach (string variant in new[] { "tied_grants", "single_pot" })
        {
            var mine = rows.Skip(1).Where(r => r[2] == variant).ToList();
            foreach (var outcome in ModelCatalogue.Standard.Outcomes.All)
            {
                int column = Array.IndexOf(header, outcome.Name);
                var values = mine.Select(r => r[column]).Where(v => v != "").Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
                var expected = summary["outcomes"]![variant]![outcome.Name]!["mean"]!;
                if (values.Length == 0) { Assert.Equal(JTokenType.Null, expected.Type); continue; }
                // The CSV states its precision: 8 significant figures.
                double mean = values.Average();
                Assert.Equal((double)expected, mean, Math.Max(1e-9, Math.Abs(mean) * 1e-7));
                var sorted = values.Order().ToArray();
                double p95 = (double)summary["outcomes"]![variant]![outcome.Name]!["p95"]!;
                Assert.Equal(MathNet.Numerics.Statistics.SortedArrayStatistics.QuantileCustom(sorted, 0.95, MathNet.Numerics.Statistics.QuantileDefinition.R7), p95, Math.Max(1e-9, Math.Abs(p95) * 1e-7));
            }
        }
    }

    [Fact]
    public void TimeseriesCsv_FinalYearIsTheSummarysFinalYearOutcome_AndStartYearIsTheBaseline()
    {
        string dir = Run("out", "--reps", "30");
        var rows = ReadCsv(Path.Combine(dir, "timeseries.csv"));
        Assert.Equal(TimeseriesCsv.Header.Split(','), rows[0]);
        var summary = JObject.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
        // Tiny scenario: start year 2026, 3 simulated years labelled 2027–2029.
        string[] years = rows.Skip(1).Select(r => r[1]).Distinct().ToArray();
        Assert.Equal(["2026", "2027", "2028", "2029"], years);
        double Cell(string variant, string year, string outcome, string field)
        {
            var row = rows.Single(r => r[0] == variant && r[1] == year && r[2] == outcome);
            return double.Parse(row[Array.IndexOf(rows[0], field)], CultureInfo.InvariantCulture);
        }
        foreach (string variant in new[] { "tied_grants", "single_pot" })
            foreach (string outcome in new[] { "hle_years", "hle_gap_years", "le_years" })
            {
                // timeseries.csv is written to 8 significant figures; summary.json keeps every bit.
                foreach (string field in new[] { "mean", "p5", "p50", "p95" })
                    Assert.Equal((double)summary["outcomes"]![variant]![outcome]![field]!, Cell(variant, "2029", outcome, field), 1e-7 * 100);
                Assert.Equal((double)summary["baseline"]![outcome]!, Cell(variant, "2026", outcome, "mean"), 1e-7 * 100);
                var q = new[] { "p5", "p25", "p50", "p75", "p95" }.Select(f => Cell(variant, "2028", outcome, f)).ToArray();
                Assert.Equal(q.Order(), q);
            }
    }

    [Fact]
    public void ZonesCsv_HasEveryZoneOfEveryVariant_AndChangeIsFinalMinusStart()
    {
        string dir = Run("out", "--reps", "12");
        var rows = ReadCsv(Path.Combine(dir, "zones.csv"));
        Assert.Equal(ZonesCsv.Header.Split(','), rows[0]);
        Assert.Equal(2 * 10 + 1, rows.Count);
        int Col(string name) => Array.IndexOf(rows[0], name);
        foreach (var r in rows.Skip(1))
        {
            double D(string name) => double.Parse(r[Col(name)], CultureInfo.InvariantCulture);
            Assert.Equal("Only", r[Col("region")]);
            Assert.Equal("developing", r[Col("capacity")]);
            Assert.InRange(int.Parse(r[Col("deprivation_decile")], CultureInfo.InvariantCulture), 1, 10);
            // Each value is rounded to 8 significant figures on its own (about 1e-6 years here).
            Assert.Equal(D("hle_final_years") - D("hle_start_years"), D("hle_change_years"), 3e-6);
            Assert.Equal(D("le_final_years") - D("le_start_years"), D("le_change_years"), 3e-6);
            Assert.InRange(D("hle_start_years"), 45, D("le_start_years"));
        }
        // The same places in both variants: same zone, region, decile, population and start values.
        var byVariant = rows.Skip(1).GroupBy(r => r[0]).Select(g => g.Select(r => string.Join(',', r[1..7])).ToArray()).ToArray();
        Assert.Equal(byVariant[0], byVariant[1]);
    }

    [Fact]
    public void Manifest_RecordsVersionCommitScenarioHashSeedReplicationsThreadsTimesMachineAndFileHashes()
    {
        string dir = Run("out", "--reps", "5", "--threads", "2");
        var m = RunOutputs.Manifest(dir);
        Assert.StartsWith("0.", (string?)m["tool_version"]);
        Assert.Matches("^[0-9a-f]{40}$|^unknown$", (string?)m["git_commit"]);
        string scenario = Path.Combine(_h.Folder, "tiny.json");
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(scenario))), (string?)m["scenario_sha256"]);
        Assert.Equal(7UL, (ulong)m["seed"]!);
        Assert.Equal(5, (int)m["replications"]!);
        Assert.True((bool)m["complete"]!);
        Assert.Equal(2, (int)m["threads"]!);
        Assert.True(DateTimeOffset.Parse((string)m["finished_utc"]!, CultureInfo.InvariantCulture) >= DateTimeOffset.Parse((string)m["started_utc"]!, CultureInfo.InvariantCulture));
        Assert.True((double)m["wall_seconds"]! >= 0);
        Assert.True((int)m["machine"]!["logical_cores"]! >= 1);
        // Every output file is listed with the hash of its bytes on disk (each is hashed as soon as it is written).
        var listed = ((JObject)m["files"]!).Properties().ToDictionary(p => p.Name, p => (string?)p.Value);
        Assert.Subset(listed.Keys.ToHashSet(), BatchOutputs.DataFiles.ToHashSet());
        Assert.Contains(listed.Keys, f => f.StartsWith(BatchCharts.Folder + "/", StringComparison.Ordinal) && f.EndsWith(".png", StringComparison.Ordinal));
        Assert.Equal(Directory.GetFiles(Path.Combine(dir, BatchCharts.Folder)).Length + BatchOutputs.DataFiles.Length, listed.Count);
        foreach (var (file, sha256) in listed)
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(dir, file)))), sha256);
    }

    [Fact]
    public void ARunOnZonesBuiltFromOpenData_RecordsTheirAttribution_InTheManifestAndEveryChartCaption()
    {
        string attribution = "Contains public sector information licensed under the Open Government Licence v3.0.";
        var csv = File.ReadAllLines(RepositoryRoot.File("examples", "zones-example.csv"));
        _h.Write("open-zones.csv", string.Join("\n", ["# Zones for a test.", "# " + attribution, .. csv]) + "\n");
        var scenario = JObject.Parse(File.ReadAllText(RepositoryRoot.File("examples", "user-zones.json")));
        scenario.Remove("$schema");
        scenario["world"] = new JObject { ["zones_csv"] = "open-zones.csv" };
        scenario["horizon_years"] = 2;
        _h.Write("open.json", scenario.ToString());
        string outDir = Path.Combine(_h.Folder, "open");

        var (code, _, stderr) = Cli("run", Path.Combine(_h.Folder, "open.json"), "--out", outDir, "--reps", "4");

        Assert.True(code == ExitCodes.Ok, stderr);
        Assert.Equal(attribution, (string?)JObject.Parse(File.ReadAllText(Path.Combine(outDir, "manifest.json")))["data_attribution"]);
        var svgs = Directory.GetFiles(Path.Combine(outDir, BatchCharts.Folder), "*.svg");
        Assert.NotEmpty(svgs);
        // The caption is wrapped into lines, so look for the licence's name, which stays on one line.
        Assert.All(svgs, svg => Assert.Contains("Government Licence", File.ReadAllText(svg).Replace("\n", " ")));
        // A synthetic world carries none.
        string synthetic = Run("synthetic", "--reps", "4");
        Assert.Null(JObject.Parse(File.ReadAllText(Path.Combine(synthetic, "manifest.json")))["data_attribution"]);
    }

    [Fact]
    public void ARunCutShort_ThenResumed_GivesTheSameOutputsAsAnUninterruptedRun()
    {
        string whole = Run("whole", "--reps", "600");
        // A first session that got 300 replications done (as a stopped run leaves them), then --resume asks for 600.
        string resumed = Run("resumed", "--reps", "300");
        string scenario = Path.Combine(_h.Folder, "tiny.json");
        var (code, _, stderr) = Cli("run", scenario, "--out", resumed, "--reps", "600", "--resume", "--threads", "1");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("300 of 600 replications already done; computing 300", stderr);
        RunOutputs.AssertSame(whole, resumed);
    }

    [Fact]
    public void Resume_RecomputesADamagedOrTruncatedChunk_AndIgnoresLeftoverTemporaryFiles()
    {
        string whole = Run("whole", "--reps", "600");
        string damaged = Run("damaged", "--reps", "600");
        string[] chunks = Directory.GetFiles(Path.Combine(damaged, RunCommand.ChunksFolder), "*" + Chunk.Extension).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(3, chunks.Length);   // 256 + 256 + 88
        byte[] bytes = File.ReadAllBytes(chunks[0]);
        bytes[bytes.Length / 2] ^= 0x40;   // one flipped bit, as a failing disk might
        File.WriteAllBytes(chunks[0], bytes);
        File.WriteAllBytes(chunks[1], File.ReadAllBytes(chunks[1])[..1000]);   // cut short, as a full disk might
        File.WriteAllText(chunks[2] + ".tmp", "half-written by a killed process");

        string scenario = Path.Combine(_h.Folder, "tiny.json");
        var (code, _, stderr) = Cli("run", scenario, "--out", damaged, "--reps", "600", "--resume");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains($"{chunks[0]}: checksum mismatch", stderr);
        Assert.Contains($"{chunks[1]}: checksum mismatch", stderr);
        Assert.Contains("88 of 600 replications already done; computing 512", stderr);
        RunOutputs.AssertSame(whole, damaged);
    }

    [Fact]
    public void Resume_WithTheMiddleChunkMissing_FoldsFoundAndNewChunksInReplicationOrder()
    {
        // The run folds chunks while it computes: the one found before the gap, the gap's new one, then the one after.
        string whole = Run("whole", "--reps", "600");
        string gap = Run("gap", "--reps", "600");
        string[] chunks = Directory.GetFiles(Path.Combine(gap, RunCommand.ChunksFolder), "*" + Chunk.Extension).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(3, chunks.Length);
        File.Delete(chunks[1]);

        var (code, _, stderr) = Cli("run", Path.Combine(_h.Folder, "tiny.json"), "--out", gap, "--reps", "600", "--resume", "--threads", "2");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("344 of 600 replications already done; computing 256", stderr);
        RunOutputs.AssertSame(whole, gap);
    }

    [Fact]
    public void RunWithoutResume_StartsAfresh_EvenOverAnotherRunsChunks()
    {
        string dir = Run("out", "--reps", "30", "--seed", "5");
        Run("out", "--reps", "30", "--seed", "6");
        string fresh = Run("fresh", "--reps", "30", "--seed", "6");
        RunOutputs.AssertSame(fresh, dir);
    }

    [Fact]
    public void ResumeWithAnotherSeed_SetsTheOldChunksAsideAndRecomputes()
    {
        string dir = Run("out", "--reps", "30", "--seed", "5");
        string scenario = Path.Combine(_h.Folder, "tiny.json");
        var (code, _, stderr) = Cli("run", scenario, "--out", dir, "--reps", "30", "--seed", "6", "--resume");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("from a different scenario, seed or urbansim version; ignored", stderr);
        RunOutputs.AssertSame(Run("fresh", "--reps", "30", "--seed", "6"), dir);
    }

    [Fact]
    public void CancelledRun_WritesValidPartialOutputsMarkedIncomplete_AndExits130()
    {
        string scenario = _h.Write("tiny.json", TinyScenario);
        string outDir = Path.Combine(_h.Folder, "partial");
        using var stop = new CancellationTokenSource();
        stop.Cancel();   // stopped before the first block: nothing computed, outputs still valid
        var stdout = new StringWriter(CultureInfo.InvariantCulture);
        var stderr = new StringWriter(CultureInfo.InvariantCulture);

        int code = RunCommand.Run(new RunOptions(scenario, 50, null, 1, outDir), stdout, stderr, stop.Token);

        Assert.Equal(ExitCodes.Interrupted, code);
        Assert.Contains("--resume", stderr.ToString());
        var summary = JObject.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        Assert.False((bool)summary["complete"]!);
        Assert.Equal(0, (int)summary["replications"]!);
        Assert.Equal(50, (int)summary["replications_requested"]!);
        Assert.False((bool)RunOutputs.Manifest(outDir)["complete"]!);
        Assert.Single(File.ReadAllLines(Path.Combine(outDir, "replications.csv")));   // header only
    }
}
