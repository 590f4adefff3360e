using System.Diagnostics;
using System.Globalization;
using UrbanSim.Runner.Batch;
using UrbanSim.Runner.Commands;
using UrbanSim.Runner.Evaluate;
using UrbanSim.Runner.Tests.Commands;
using static UrbanSim.Runner.Tests.Commands.CliHarness;

namespace UrbanSim.Runner.Tests.Evaluate;

/// <summary>
/// <c>urbansim evaluate</c>: the round trip a SALib or EMA Workbench user makes (a design CSV in, results.csv out, one row
/// per design row), common random numbers between rows, identical bytes on any thread count and shard split, resume, and
/// the design's validation. The tiny scenario (one region of 10 zones, 3 years, two variants) keeps each run to seconds.
/// </summary>
public sealed class EvaluateCommandTests : IDisposable
{
    private readonly CliHarness _h = new();
    public void Dispose() => _h.Dispose();

    private string Scenario => File.Exists(Path.Combine(_h.Folder, "tiny.json")) ? Path.Combine(_h.Folder, "tiny.json") : _h.Write("tiny.json", TinyScenario);

    private const string Header = "funding_per_head_gbp,health.walking_relative_risk";

    /// <summary>Rows 1 and 3 are the same point; row 2 has far more funding.</summary>
    private const string SmallDesign = Header + "\n100,0.9\n1000,0.9\n100,0.9\n";

    /// <summary>A design of <paramref name="rows"/> rows cycling through four funding levels and two walking risks.</summary>
    private static string Design(int rows) => Header + "\n" + string.Concat(Enumerable.Range(0, rows).Select(i =>
        string.Create(CultureInfo.InvariantCulture, $"{100 + 100 * (i % 4)},{(i % 2 == 0 ? 0.85 : 0.93)}\n")));

    private (int Code, string Out, string Err, string Dir) Evaluate(string design, string name, params string[] extra)
    {
        string designPath = _h.Write(name + ".design.csv", design);
        string outDir = Path.Combine(_h.Folder, name);
        var (code, stdout, stderr) = Cli(["evaluate", Scenario, "--design", designPath, "--out", outDir, .. extra]);
        return (code, stdout, stderr, outDir);
    }

    private string EvaluateOk(string design, string name, params string[] extra)
    {
        var (code, _, err, dir) = Evaluate(design, name, extra);
        Assert.True(code == ExitCodes.Ok, err);
        return dir;
    }

    private static string[][] Rows(string dir, string file = EvaluationResults.FileName) =>
        File.ReadAllLines(Path.Combine(dir, file)).Select(l => l.Split(',')).ToArray();

    private static double Cell(string[][] rows, int row, string column) =>
        double.Parse(rows[row][Array.IndexOf(rows[0], column)], CultureInfo.InvariantCulture);

    private static byte[] Bytes(string dir, string file = EvaluationResults.FileName) => File.ReadAllBytes(Path.Combine(dir, file));

    [Fact]
    public void Results_HaveOneRowPerDesignRow_InOrder_WithTheDesignEchoed_AndEachVariantsOutcomesMeanAndSd()
    {
        string dir = EvaluateOk(SmallDesign, "small", "--reps", "3");
        var rows = Rows(dir);
        Assert.Equal(4, rows.Length);
        Assert.Equal(["row", "funding_per_head_gbp", "health.walking_relative_risk", "tied_grants.hle_years", "tied_grants.hle_years.sd"], rows[0][..5]);
        Assert.Contains("single_pot.qalys", rows[0]);
        Assert.Contains("single_pot.qalys.sd", rows[0]);
        Assert.Equal(["1", "100", "0.9"], rows[1][..3]);
        Assert.Equal(["2", "1000", "0.9"], rows[2][..3]);
        Assert.Equal(["3", "100", "0.9"], rows[3][..3]);
        Assert.All(rows, r => Assert.Equal(rows[0].Length, r.Length));
        Assert.True(Cell(rows, 1, "tied_grants.hle_years.sd") > 0, "three replications with their own draws should spread");
        // The data dictionary describes every column of results.csv.
        var described = File.ReadAllLines(Path.Combine(dir, EvaluateCommand.ColumnsFile)).Skip(1).Select(l => l.Split(',')).Where(c => c[0] == EvaluationResults.FileName).Select(c => c[1]).ToArray();
        Assert.Equal(rows[0], described);
        var manifest = Batch.RunOutputs.Manifest(dir);
        Assert.Equal("evaluate", (string?)manifest["command"]);
        Assert.Equal(3, (int)manifest["design_rows"]!);
        Assert.Equal(UrbanSim.Runner.Output.Manifest.Sha256OfFile(Path.Combine(dir, EvaluationResults.FileName)), (string?)manifest["files"]![EvaluationResults.FileName]);
    }

    [Fact]
    public void TwoRowsWithTheSameDesignValues_GetIdenticalOutcomes_AndMoreFundingMeansMorePublicSpendInEveryVariant()
    {
        var rows = Rows(EvaluateOk(SmallDesign, "crn", "--reps", "2"));
        Assert.Equal(rows[1][3..], rows[3][3..]);
        foreach (string variant in new[] { "tied_grants", "single_pot" })
        {
            Assert.True(Cell(rows, 2, $"{variant}.public_spend_gbp") > 2 * Cell(rows, 1, $"{variant}.public_spend_gbp"),
                $"{variant}: £1,000 a head should buy far more spending than £100");
            Assert.True(Cell(rows, 2, $"{variant}.hle_years") > Cell(rows, 1, $"{variant}.hle_years"), $"{variant}: more programmes should raise healthy life expectancy");
        }
        Assert.NotEqual(rows[1][3..], rows[2][3..]);
    }

    [Fact]
    public void WithOneReplication_ThereAreNoSdColumns_AndPerReplicationRowsAverageToTheResults()
    {
        var one = Rows(EvaluateOk(SmallDesign, "one"));
        Assert.DoesNotContain(one[0], c => c.EndsWith(".sd", StringComparison.Ordinal));

        string dir = EvaluateOk(SmallDesign, "per-rep", "--reps", "2", "--per-replication");
        var results = Rows(dir);
        var byReplication = Rows(dir, EvaluationResults.ByReplicationFileName);
        Assert.Equal(1 + 3 * 2, byReplication.Length);
        Assert.Equal(["row", "replication", "funding_per_head_gbp"], byReplication[0][..3]);
        Assert.Equal(["2", "1"], byReplication[4][..2]);
        double mean = (Cell(byReplication, 3, "single_pot.qalys") + Cell(byReplication, 4, "single_pot.qalys")) / 2;
        Assert.Equal(mean, Cell(results, 2, "single_pot.qalys"), mean * 1e-7);
        // Replication 0 of row 1 is replication 0 of a one-replication evaluation: the same draws.
        Assert.Equal(one[1][3], byReplication[1][4]);
    }

    [Fact]
    public void OneAndTwoThreads_WriteByteIdenticalResults()
    {
        string design = Design(40);
        string one = EvaluateOk(design, "threads1", "--threads", "1", "--reps", "2", "--per-replication");
        string two = EvaluateOk(design, "threads2", "--threads", "2", "--reps", "2", "--per-replication");
        Assert.Equal(Bytes(one), Bytes(two));
        Assert.Equal(Bytes(one, EvaluationResults.ByReplicationFileName), Bytes(two, EvaluationResults.ByReplicationFileName));
        Assert.Equal(Bytes(one, EvaluateCommand.ColumnsFile), Bytes(two, EvaluateCommand.ColumnsFile));
    }

    [Fact]
    public void ShardsJoinedInOrder_AreByteIdenticalToOneEvaluation()
    {
        string design = Design(70);
        string whole = EvaluateOk(design, "whole", "--threads", "2");
        var shards = Enumerable.Range(1, 3).Select(k => Evaluate(design, $"shard{k}", "--shard", $"{k}/3", "--threads", "1")).ToArray();
        Assert.All(shards, s => Assert.True(s.Code == ExitCodes.Ok, s.Err));
        Assert.Contains("rows 24–46", shards[1].Out, StringComparison.Ordinal);
        // The join the README gives: the first shard whole, the others without their header.
        var joined = new List<string>(File.ReadAllLines(Path.Combine(shards[0].Dir, EvaluationResults.FileName)));
        foreach (var s in shards.Skip(1)) joined.AddRange(File.ReadAllLines(Path.Combine(s.Dir, EvaluationResults.FileName)).Skip(1));
        Assert.Equal(File.ReadAllText(Path.Combine(whole, EvaluationResults.FileName)), string.Join("\n", joined) + "\n");
    }

    [Fact]
    public void ThreeShardsMerged_InAnyOrder_AreByteIdenticalToOneEvaluation()
    {
        string design = _h.Write("merge.design.csv", Design(70));
        string Evaluated(string name, params string[] extra)
        {
            string dir = Path.Combine(_h.Folder, name);
            var (code, _, err) = Cli(["evaluate", Scenario, "--design", design, "--out", dir, "--reps", "2", "--per-replication", .. extra]);
            Assert.True(code == ExitCodes.Ok, err);
            return dir;
        }
        string whole = Evaluated("whole", "--threads", "2");
        var shards = Enumerable.Range(1, 3).Select(k => Evaluated($"shard{k}", "--shard", $"{k}/3", "--threads", "1")).ToArray();
        var record = ShardRecord.TryRead(shards[1], out string? problem);
        Assert.True(record is not null, problem);
        Assert.Equal((ShardKind.Evaluation, 23, 46, 70, 23, 2, true), (record!.Kind, record.First, record.End, record.Total, record.Done, record.ReplicationsPerRow, record.PerReplication));

        string merged = Path.Combine(_h.Folder, "merged");
        var (code, stdout, err) = Cli(["merge", shards[2], shards[0], shards[1], "--out", merged]);
        Assert.True(code == ExitCodes.Ok, err);
        Assert.Contains("Merged 3 shard(s), 70 design rows × 2 replication(s)", stdout, StringComparison.Ordinal);
        Batch.RunOutputs.AssertSameFolder(whole, merged);
    }

    [Fact]
    public void MergingShardsOfAnotherRepsOrAChangedDesign_IsRefused()
    {
        string design = Design(40);
        string a = EvaluateOk(design, "a", "--shard", "1/2");
        string b = EvaluateOk(design, "b", "--shard", "2/2", "--reps", "2");
        string outDir = Path.Combine(_h.Folder, "refused");
        var (code, _, err) = Cli(["merge", a, b, "--out", outDir]);
        Batch.RunOutputs.AssertMergeRefused(code, err, outDir, "replications_per_row (--reps)");

        string b1 = EvaluateOk(design, "b1", "--shard", "2/2");
        File.AppendAllText(Path.Combine(_h.Folder, "a.design.csv"), "100,0.9\n");
        var changed = Cli(["merge", a, b1, "--out", outDir]);
        Batch.RunOutputs.AssertMergeRefused(changed.Code, changed.Err, outDir, "changed since the shards ran");
    }

    [Fact]
    public void Interrupted_ExitsWith130_KeepsTheRowsDone_AndResumeEndsByteIdenticalToAnUninterruptedEvaluation()
    {
        // 70 rows of one replication and two variants are two chunks (64 + 6 rows).
        string design = Design(70);
        string whole = EvaluateOk(design, "uninterrupted");

        // Stopped before anything ran (Ctrl-C at once): exit 130, a results.csv with its header only, and the resume command.
        string designPath = _h.Write("stopped.design.csv", design);
        string dir = Path.Combine(_h.Folder, "stopped");
        using var stopped = new CancellationTokenSource();
        stopped.Cancel();
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        int code = EvaluateCommand.Run(new EvaluateOptions(Scenario, designPath, OutDirectory: dir), TextWriter.Null, stderr, cancellation: stopped.Token);
        Assert.Equal(ExitCodes.Interrupted, code);
        Assert.Contains("--resume", stderr.ToString(), StringComparison.Ordinal);
        Assert.Single(File.ReadAllLines(Path.Combine(dir, EvaluationResults.FileName)));
        Assert.False(File.Exists(Path.Combine(dir, "manifest.json")), "an unfinished evaluation must not have a manifest");

        var (resumed, _, err) = Cli(["evaluate", Scenario, "--design", designPath, "--out", dir, "--resume"]);
        Assert.True(resumed == ExitCodes.Ok, err);
        Assert.Equal(Bytes(whole), Bytes(dir));

        // Killed with the first chunk lost and the second kept: the resume recomputes the first and still writes rows in order.
        string first = Directory.GetFiles(Path.Combine(dir, RunCommand.ChunksFolder), "*" + Chunk.Extension).Order(StringComparer.Ordinal).First();
        File.Delete(first);
        File.Delete(Path.Combine(dir, "manifest.json"));
        File.WriteAllText(Path.Combine(dir, EvaluationResults.FileName), "row,funding_per_he");   // cut off mid-write
        var again = Cli(["evaluate", Scenario, "--design", designPath, "--out", dir, "--resume"]);
        Assert.True(again.Code == ExitCodes.Ok, again.Err);
        Assert.Contains("Resuming: 6 of 70 rows already done; computing 64", again.Err, StringComparison.Ordinal);
        Assert.Equal(Bytes(whole), Bytes(dir));
    }

    [Fact]
    public void ResumeWithAnotherDesignOrReps_RecomputesInsteadOfReusingTheChunks()
    {
        string dir = EvaluateOk(SmallDesign, "changed");
        string other = _h.Write("changed-other.design.csv", Header + "\n300,0.9\n1000,0.9\n100,0.9\n");
        var (code, _, err) = Cli(["evaluate", Scenario, "--design", other, "--out", dir, "--resume"]);
        Assert.True(code == ExitCodes.Ok, err);
        Assert.Contains("Resuming: none of the 3 rows is done yet", err, StringComparison.Ordinal);
        var rows = Rows(dir);
        Assert.Equal("300", rows[1][1]);
        Assert.Equal(Rows(EvaluateOk(Header + "\n300,0.9\n1000,0.9\n100,0.9\n", "fresh"))[1], rows[1]);
        var again = Cli(["evaluate", Scenario, "--design", other, "--out", dir, "--resume", "--reps", "2"]);
        Assert.True(again.Code == ExitCodes.Ok, again.Err);
        Assert.Contains("Resuming: none of the 3 rows is done yet", again.Err, StringComparison.Ordinal);
        Assert.Contains("single_pot.qalys.sd", Rows(dir)[0]);
    }

    [Fact]
    public void ADesignWithProblems_GetsEveryOneAsFileLineColumn_ExitCode2_AndNothingWritten()
    {
        const string design = "funding_per_hed_gbp,health.walking_relative_risk,health.walking_relative_risk,settlement\n"
            + "100,0.9,0.9,1\n"
            + "\n"
            + "100,0.9\n";
        var (code, stdout, err, dir) = Evaluate(design, "bad");
        string file = Path.Combine(_h.Folder, "bad.design.csv");
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains($"{file}:1:1: funding_per_hed_gbp: not a lever or parameter path. Fix: did you mean 'funding_per_head_gbp'?", err, StringComparison.Ordinal);
        Assert.Contains($"{file}:1:50: health.walking_relative_risk: the column appears twice (first as column 2)", err, StringComparison.Ordinal);
        Assert.Contains($"{file}:1:79: settlement: the settlement is a category", err, StringComparison.Ordinal);
        Assert.Contains($"{file}:4:8: health.walking_relative_risk: design row 2 has 2 cell(s); the header has 4 column(s)", err, StringComparison.Ordinal);
        Assert.Contains("4 problem(s) in", err, StringComparison.Ordinal);
        Assert.Contains("nothing was run or written", err, StringComparison.Ordinal);
        Assert.Empty(stdout);
        AssertNoStackTrace(err);
        Assert.False(Directory.Exists(dir), "a refused design wrote its output folder");
    }

    [Fact]
    public void BadCells_EmptyNonNumericAndOutOfRange_AreEachLocated_WithTheAllowedRange()
    {
        const string design = Header + "\n100,0.9\n-5,abc\n7000,\n200,NaN\n";
        var (code, _, err, dir) = Evaluate(design, "cells");
        string file = Path.Combine(_h.Folder, "cells.design.csv");
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains($"{file}:3:1: funding_per_head_gbp: -5 is out of range (0 to 5000). Fix: give a number from 0 to 5000", err, StringComparison.Ordinal);
        Assert.Contains($"{file}:3:4: health.walking_relative_risk: 'abc' is not a number. Fix: give a number from 0.01 to 1", err, StringComparison.Ordinal);
        Assert.Contains($"{file}:4:1: funding_per_head_gbp: 7000 is out of range", err, StringComparison.Ordinal);
        Assert.Contains($"{file}:4:6: health.walking_relative_risk: empty", err, StringComparison.Ordinal);
        Assert.Contains($"{file}:5:5: health.walking_relative_risk: 'NaN' is not a number", err, StringComparison.Ordinal);
        Assert.Contains("5 problem(s) in", err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir));
    }

    [Theory]
    [InlineData("", "the design is empty")]
    [InlineData(Header + "\n", "the design has a header but no rows")]
    [InlineData(",funding_per_head_gbp\n0,100\n", "column 1 has no name. Fix: name every column by a lever or parameter path; pandas writes its index as an unnamed first column")]
    public void AnEmptyDesign_OrPandasIndexColumn_IsRefusedWithItsFix(string design, string expected)
    {
        var (code, _, err, dir) = Evaluate(design, "empty");
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains(expected, err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void ScenarioAndDesignProblems_AreReportedTogether()
    {
        string scenario = _h.Write("broken.json", InvalidScenario);
        string design = _h.Write("both.design.csv", "funding_per_head_gbp\nlots\n");
        var (code, _, err) = Cli(["evaluate", scenario, "--design", design, "--out", Path.Combine(_h.Folder, "both")]);
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("problem(s) in " + scenario, err, StringComparison.Ordinal);
        Assert.Contains($"{design}:2:1: funding_per_head_gbp: 'lots' is not a number", err, StringComparison.Ordinal);
    }

    [Fact]
    public void AVariantThatSetsADesignParameterItself_KeepsItsOwnValue_AndEvaluateSaysSo()
    {
        string scenario = _h.Write("roles.json", """
            {
              "name": "roles",
              "world": { "regions": [ { "name": "Only", "capacity": "developing", "zones": 10 } ] },
              "horizon_years": 3,
              "seed": 7,
              "variants": [
                { "name": "fixed", "levers": { "settlement": "single_pot" }, "parameters": { "politics": { "convening_gain_per_year": 0 } } },
                { "name": "convening", "levers": { "settlement": "single_pot" } }
              ]
            }
            """);
        string design = _h.Write("roles.design.csv", "politics.convening_gain_per_year,funding_per_head_gbp\n0.05,200\n0.9,200\n");
        string outDir = Path.Combine(_h.Folder, "roles");
        var (code, _, err) = Cli(["evaluate", scenario, "--design", design, "--out", outDir]);
        Assert.True(code == ExitCodes.Ok, err);
        Assert.Contains("note: variant 'fixed' sets politics.convening_gain_per_year itself, so it runs with its own value", err, StringComparison.Ordinal);
        var rows = Rows(outDir);
        int firstConvening = Array.IndexOf(rows[0], "convening.hle_years");
        Assert.Equal(rows[1][3..firstConvening], rows[2][3..firstConvening]);
        // The other variant runs with the design's value, which matters.
        Assert.True(Cell(rows, 2, "convening.final_icb_partnership") > Cell(rows, 1, "convening.final_icb_partnership"));
    }

    [Fact]
    public void Help_ListsEveryOptionWithItsDefault()
    {
        var (code, stdout, _) = Cli(["evaluate", "--help"]);
        Assert.Equal(ExitCodes.Ok, code);
        var help = Cli(["help", "evaluate"]);
        Assert.Equal(ExitCodes.Ok, help.Code);
        Assert.Contains("--per-replication", help.Out, StringComparison.Ordinal);
        foreach (string option in new[] { "--design", "--reps", "--seed", "--threads", "--out", "--resume", "--shard", "--yes", "--per-replication" })
            Assert.Contains(option, stdout, StringComparison.Ordinal);
        Assert.Contains("[default: 1]", stdout, StringComparison.Ordinal);
        Assert.Contains("(REQUIRED)", stdout, StringComparison.Ordinal);
    }

    [FactNeedingPython3]
    public void TheExampleSamplerScript_WritesADesignThatEvaluateRuns()
    {
        string design = Path.Combine(_h.Folder, "lhs.csv");
        var python = Process.Start(new ProcessStartInfo("python3",
            [RepositoryRoot.File("examples", "python", "design_from_sampler.py"), "--rows", "12", "--seed", "3",
             "--column", "funding_per_head_gbp=100:400", "--column", "health.walking_relative_risk=0.83:0.96", "--out", design])
        { RedirectStandardOutput = true, RedirectStandardError = true })!;
        string pythonErr = python.StandardError.ReadToEnd();
        python.WaitForExit();
        Assert.True(python.ExitCode == 0, pythonErr);
        var lines = File.ReadAllLines(design);
        Assert.Equal(13, lines.Length);
        // A Latin hypercube: each twelfth of the funding range holds exactly one row.
        var strata = lines.Skip(1).Select(l => (int)((double.Parse(l.Split(',')[0], CultureInfo.InvariantCulture) - 100) / 300 * 12)).Order();
        Assert.Equal(Enumerable.Range(0, 12), strata);

        string outDir = Path.Combine(_h.Folder, "lhs");
        var (code, _, err) = Cli(["evaluate", Scenario, "--design", design, "--out", outDir]);
        Assert.True(code == ExitCodes.Ok, err);
        var rows = Rows(outDir);
        Assert.Equal(13, rows.Length);
        Assert.Equal(lines[1].Split(','), rows[1][1..3]);
    }
}

/// <summary>A fact skipped, saying why, when <c>python3</c> is not on the PATH.</summary>
public sealed class FactNeedingPython3Attribute : FactAttribute
{
    public FactNeedingPython3Attribute()
    {
        bool found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, "python3")));
        if (!found) Skip = "python3 is not on the PATH, so examples/python/design_from_sampler.py cannot be run; install python3 to run this test";
    }
}
