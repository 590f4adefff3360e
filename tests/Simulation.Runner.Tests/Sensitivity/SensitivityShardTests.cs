using System.Globalization;
using UrbanSim.Runner.Batch;
using UrbanSim.Runner.Commands;
using UrbanSim.Runner.Tests.Batch;
using UrbanSim.Runner.Tests.Commands;
using static UrbanSim.Runner.Tests.Commands.CliHarness;

namespace UrbanSim.Runner.Tests.Sensitivity;

/// <summary>
/// <c>urbansim sensitivity --shard K/N</c>, <c>--resume</c> and <c>urbansim merge</c> of sensitivity shards: the merged
/// outputs are those of a single analysis, byte for byte, and every mismatch is refused. Eight Sobol samples of the
/// tiny four-factor scenario make 8 × 6 + 4 × 5 + 50 = 118 points: two chunks, a few seconds.
/// </summary>
public sealed class SensitivityShardTests : IDisposable
{
    private const string Samples = "8";
    private const int Points = 118;
    private readonly CliHarness _h = new();
    public void Dispose() => _h.Dispose();

    private string Scenario
    {
        get
        {
            string path = Path.Combine(_h.Folder, "tiny-sensitivity.json");
            if (!File.Exists(path)) _h.Write("tiny-sensitivity.json", SensitivityCommandTests.Scenario);
            return path;
        }
    }

    private (int Code, string Out, string Err) Sensitivity(string outDir, params string[] extra) =>
        Cli(["sensitivity", Scenario, "--samples", Samples, "--out", outDir, .. extra]);

    private string Analyse(string name, params string[] extra)
    {
        string outDir = Path.Combine(_h.Folder, name);
        var (code, _, err) = Sensitivity(outDir, extra);
        Assert.True(code == ExitCodes.Ok, err);
        return outDir;
    }

    private string Shard(int k, int n, params string[] extra) => Analyse($"shard{k}-{n}{string.Join("", extra)}", ["--shard", $"{k}/{n}", .. extra]);

    private string[] Shards(int n, params string[] extra) => Enumerable.Range(1, n).Select(k => Shard(k, n, extra)).ToArray();

    private (int Code, string Out, string Err, string Dir) Merge(params string[] dirs)
    {
        string outDir = Path.Combine(_h.Folder, "merged-" + Guid.NewGuid().ToString("N")[..8]);
        var (code, stdout, stderr) = Cli(["merge", .. dirs, "--out", outDir]);
        return (code, stdout, stderr, outDir);
    }

    private static string[] Chunks(string dir) =>
        Directory.GetFiles(Path.Combine(dir, RunCommand.ChunksFolder), "*" + Chunk.Extension).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void ThreeMergedShards_AreByteIdenticalToASingleAnalysis_OnAnyThreadCount()
    {
        string single = Analyse("single", "--threads", "2");
        string[] shards = Shards(3, "--threads", "1");
        var (code, stdout, err, merged) = Merge(shards.Reverse().ToArray());
        Assert.True(code == ExitCodes.Ok, err);
        Assert.Contains("Merged 3 shard(s), 118 points", stdout, StringComparison.Ordinal);
        Assert.Contains("top factors by total Sobol index", stdout, StringComparison.Ordinal);
        RunOutputs.AssertSameFolder(single, merged);
        var manifest = RunOutputs.Manifest(merged);
        Assert.Equal("sensitivity", (string?)manifest["command"]);
        Assert.Equal(Points, (int)manifest["points"]!);
    }

    [Fact]
    public void TwoShards_MergeIdenticallyInEitherOrder()
    {
        string single = Analyse("single");
        string a = Shard(1, 2), b = Shard(2, 2);
        var forwards = Merge(a, b);
        var backwards = Merge(b, a);
        Assert.True(forwards.Code == ExitCodes.Ok, forwards.Err);
        Assert.True(backwards.Code == ExitCodes.Ok, backwards.Err);
        RunOutputs.AssertSameFolder(single, forwards.Dir);
        RunOutputs.AssertSameFolder(single, backwards.Dir);
    }

    [Fact]
    public void AShard_WritesOnlyItsChunksAndRecord_NoAnalysis_AndSaysHowToMerge()
    {
        string outDir = Path.Combine(_h.Folder, "shard");
        var (code, stdout, err) = Sensitivity(outDir, "--shard", "2/3");
        Assert.True(code == ExitCodes.Ok, err);
        Assert.Equal([RunCommand.ChunksFolder], Directory.GetDirectories(outDir).Select(Path.GetFileName));
        Assert.Equal([OutputFolder.LockFileName, ShardRecord.FileName], Directory.GetFiles(outDir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("urbansim merge", stdout, StringComparison.Ordinal);
        Assert.Contains("points 39–77", stdout, StringComparison.Ordinal);

        var record = ShardRecord.TryRead(outDir, out string? problem);
        Assert.True(record is not null, problem);
        Assert.Equal((ShardKind.Sensitivity, 2, 3, 39, 78, Points, 39, 8, 7UL), (record!.Kind, record.Shard, record.Shards, record.First, record.End, record.Total, record.Done, record.Samples, record.Seed));
        Assert.Equal(UrbanSim.Runner.Output.Manifest.Sha256OfFile(Scenario), record.ScenarioSha256);
        var json = Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(Path.Combine(outDir, ShardRecord.FileName)));
        Assert.Equal("urbansim-sensitivity-shard/1", (string?)json["format"]);
        Assert.True((bool)json["complete"]!);
        Assert.Equal(39, (int)json["first_point"]!);
    }

    [Fact]
    public void MoreShardsThanPoints_IsRefused_AndNothingIsWritten()
    {
        string outDir = Path.Combine(_h.Folder, "bad");
        var (code, _, err) = Sensitivity(outDir, "--shard", "1/119");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("more than the 118 points", err, StringComparison.Ordinal);
        AssertNoStackTrace(err);
        Assert.False(Directory.Exists(outDir));
    }

    private static void AssertRefused((int Code, string Out, string Err, string Dir) result, params string[] expected) =>
        RunOutputs.AssertMergeRefused(result.Code, result.Err, result.Dir, expected);

    [Fact]
    public void Merge_RefusesSensitivityShardsOfDifferentSeeds() =>
        AssertRefused(Merge(Shard(1, 2, "--seed", "1"), Shard(2, 2, "--seed", "2")), "seed");

    [Fact]
    public void Merge_RefusesSensitivityShardsOfDifferentSampleCounts()
    {
        string a = Shard(1, 2);
        string b = Path.Combine(_h.Folder, "b");
        var (code, _, err) = Cli(["sensitivity", Scenario, "--samples", "16", "--shard", "2/2", "--out", b]);
        Assert.True(code == ExitCodes.Ok, err);
        AssertRefused(Merge(a, b), "samples");
    }

    [Fact]
    public void Merge_RefusesOverlappingSensitivityShards()
    {
        var shards = Shards(2);
        AssertRefused(Merge(shards[0], shards[1], shards[1]), "overlap", "points");
    }

    [Fact]
    public void Merge_RefusesAMissingSensitivityShard_NamingIt()
    {
        var shards = Shards(3);
        AssertRefused(Merge(shards[0], shards[2]), "points 39–77", "missing shard(s) 2/3");
    }

    [Fact]
    public void Merge_RefusesADamagedSensitivityChunk_NamingTheFileAndTheResumeCommand()
    {
        var shards = Shards(2);
        string chunk = Chunks(shards[1])[0];
        byte[] bytes = File.ReadAllBytes(chunk);
        bytes[bytes.Length / 2] ^= 0x5a;
        File.WriteAllBytes(chunk, bytes);
        AssertRefused(Merge(shards), Path.GetFileName(chunk), "checksum", "urbansim sensitivity", "--samples 8", "--shard 2/2", "--resume");
    }

    [Fact]
    public void Merge_RefusesAMixOfRunAndSensitivityShards()
    {
        string sensitivity = Shard(1, 2);
        string run = Path.Combine(_h.Folder, "run");
        var (code, _, err) = Cli(["run", Scenario, "--reps", "4", "--shard", "2/2", "--out", run]);
        Assert.True(code == ExitCodes.Ok, err);
        AssertRefused(Merge(sensitivity, run), "'urbansim sensitivity'", "'urbansim run'");
    }

    [Fact]
    public void Merge_RefusesSensitivityShardsWhoseScenarioFileChanged()
    {
        var shards = Shards(2);
        File.AppendAllText(Scenario, "\n");
        AssertRefused(Merge(shards), "changed since the shards ran");
    }

    [Fact]
    public void Resume_AfterAChunkIsDeletedAndAnotherCorrupted_RecomputesOnlyThose_AndEndsIdentical()
    {
        string reference = Analyse("reference");
        string outDir = Analyse("resumed");
        var chunks = Chunks(outDir);
        Assert.Equal(2, chunks.Length);   // 64 + 54 points
        File.Delete(chunks[0]);
        Assert.Single(Chunks(outDir));
        var (code, _, err) = Sensitivity(outDir, "--resume");
        Assert.True(code == ExitCodes.Ok, err);
        Assert.Contains("Resuming: 54 of 118 points already done; computing 64.", err, StringComparison.Ordinal);
        RunOutputs.AssertSameFolder(reference, outDir);

        byte[] bytes = File.ReadAllBytes(chunks[1]);
        bytes[^40] ^= 0x01;
        File.WriteAllBytes(chunks[1], bytes);
        (code, _, err) = Sensitivity(outDir, "--resume");
        Assert.True(code == ExitCodes.Ok, err);
        Assert.Contains($"{chunks[1]}: checksum mismatch", err, StringComparison.Ordinal);
        Assert.Contains("Resuming: 64 of 118 points already done; computing 54.", err, StringComparison.Ordinal);
        RunOutputs.AssertSameFolder(reference, outDir);
        AssertNoStackTrace(err);
    }

    [Fact]
    public void Resume_IgnoresChunksOfAnotherSeed_AndRecomputesThem()
    {
        string reference = Analyse("reference");
        string outDir = Analyse("other-seed", "--seed", "99");
        var (code, _, err) = Sensitivity(outDir, "--resume");
        Assert.True(code == ExitCodes.Ok, err);
        Assert.Contains("from a different scenario, seed or urbansim version (or another --samples); ignored", err, StringComparison.Ordinal);
        Assert.Contains("none of the 118 points is done yet; computing all of them", err, StringComparison.Ordinal);
        RunOutputs.AssertSameFolder(reference, outDir);
    }

    [Fact]
    public void AStoppedAnalysis_SaysHowToResume_AndTheResumeEndsIdentical()
    {
        string reference = Analyse("reference");
        string outDir = Path.Combine(_h.Folder, "stopped");
        var stdout = new StringWriter(CultureInfo.InvariantCulture);
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        int code = SensitivityCommand.Run(new SensitivityOptions(Scenario, 8, null, 1, outDir), stdout, stderr, cancellation: new CancellationToken(canceled: true));
        Assert.Equal(ExitCodes.Interrupted, code);
        Assert.Contains("--resume", stderr.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(outDir, "sobol.csv")));
        var (again, _, err) = Sensitivity(outDir, "--resume");
        Assert.True(again == ExitCodes.Ok, err);
        RunOutputs.AssertSameFolder(reference, outDir);
    }

    [Fact]
    public void AShard_Resumes_ComputingOnlyItsMissingChunk_AndStillMergesIdentically()
    {
        string single = Analyse("single");
        var shards = Shards(2);
        string chunk = Chunks(shards[1]).Single();
        File.Delete(chunk);
        File.Delete(Path.Combine(shards[1], ShardRecord.FileName));
        var (code, _, err) = Sensitivity(shards[1], "--shard", "2/2", "--resume");
        Assert.True(code == ExitCodes.Ok, err);
        Assert.Contains("Resuming: none of the 59 points is done yet; computing all of them.", err, StringComparison.Ordinal);
        var merged = Merge(shards);
        Assert.True(merged.Code == ExitCodes.Ok, merged.Err);
        RunOutputs.AssertSameFolder(single, merged.Dir);
    }
}
