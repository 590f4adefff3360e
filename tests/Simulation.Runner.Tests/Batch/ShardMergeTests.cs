using UrbanSim.Runner.Batch;
using UrbanSim.Runner.Commands;
using UrbanSim.Runner.Tests.Commands;
using static UrbanSim.Runner.Tests.Commands.CliHarness;

namespace UrbanSim.Runner.Tests.Batch;

/// <summary><c>urbansim run --shard K/N</c> and <c>urbansim merge</c>: identity with a single run, and every refusal.</summary>
public sealed class ShardMergeTests : IDisposable
{
    private readonly CliHarness _h = new();
    public void Dispose() => _h.Dispose();

    private string Scenario
    {
        get
        {
            string path = Path.Combine(_h.Folder, "tiny.json");
            if (!File.Exists(path)) _h.Write("tiny.json", TinyScenario);
            return path;
        }
    }

    private string Run(string name, params string[] extra)
    {
        string outDir = Path.Combine(_h.Folder, name);
        var (code, _, stderr) = Cli(["run", Scenario, "--out", outDir, .. extra]);
        Assert.True(code == ExitCodes.Ok, stderr);
        return outDir;
    }

    private string[] Shards(int n, int reps, params string[] extra) =>
        Enumerable.Range(1, n).Select(k => Run($"shard{k}-{n}-{string.Join("", extra)}", ["--reps", reps.ToString(System.Globalization.CultureInfo.InvariantCulture), "--shard", $"{k}/{n}", .. extra])).ToArray();

    private (int Code, string Err, string Out) Merge(params string[] dirs)
    {
        string outDir = Path.Combine(_h.Folder, "merged");
        var (code, _, stderr) = Cli(["merge", .. dirs, "--out", outDir]);
        return (code, stderr, outDir);
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(3, 10)]
    [InlineData(7, 1000)]
    [InlineData(10, 10)]
    [InlineData(64, 10_000_000)]
    public void Slices_CoverEveryReplicationExactlyOnce_InOrder(int n, int total)
    {
        int next = 0;
        for (int k = 1; k <= n; k++)
        {
            var (first, end) = new ShardSpec(k, n).Range(total);
            Assert.Equal(next, first);
            Assert.True(end > first);
            Assert.InRange(end - first, total / n, total / n + 1);
            next = end;
        }
        Assert.Equal(total, next);
    }

    [Fact]
    public void MergedShards_AreByteIdenticalToASingleRun_WhateverTheThreadsOrShardCount()
    {
        string single = Run("single", "--reps", "40", "--threads", "2");
        string[] three = Shards(3, 40, "--threads", "1");
        var (code, err, merged) = Merge(three.Reverse().ToArray());
        Assert.True(code == ExitCodes.Ok, err);
        RunOutputs.AssertSame(single, merged);
        Assert.False(File.Exists(Path.Combine(three[0], "summary.json")));
        Assert.True(File.Exists(Path.Combine(three[0], ShardRecord.FileName)));

        string[] one = Shards(1, 40);
        var (code1, err1, merged1) = Merge(one);
        Assert.True(code1 == ExitCodes.Ok, err1);
        RunOutputs.AssertSame(single, merged1);
    }

    [Fact]
    public void Merge_RefusesShardsOfDifferentInstructionSets_UnlessAllowed_AndTheManifestRecordsTheMix()
    {
        string[] two = Shards(2, 20);
        string record = Path.Combine(two[1], ShardRecord.FileName);
        var json = Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(record));
        Assert.Equal(Core.Numerics.InstructionSet.Current, (string?)json["instruction_set"]);
        json["instruction_set"] = "arm64 AdvSimd";
        File.WriteAllText(record, json.ToString());

        var (code, err, merged) = Merge(two);
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("different vector instruction sets", err);
        Assert.Contains("--allow-mixed-instruction-sets", err);
        Assert.False(Directory.Exists(merged));

        var (allowed, _, _) = Cli(["merge", .. two, "--out", merged, "--allow-mixed-instruction-sets"]);
        Assert.Equal(ExitCodes.Ok, allowed);
        string recorded = (string)RunOutputs.Manifest(merged)["instruction_set"]!;
        Assert.StartsWith("mixed: ", recorded);
        Assert.Contains("arm64 AdvSimd", recorded);
        Assert.Contains(Core.Numerics.InstructionSet.Current, recorded);
    }

    [Fact]
    public void RunManifest_RecordsTheInstructionSetTheReplicationsRanWith()
    {
        string dir = Run("isa", "--reps", "4");
        Assert.Equal(Core.Numerics.InstructionSet.Current, (string?)RunOutputs.Manifest(dir)["instruction_set"]);
        Assert.False(string.IsNullOrWhiteSpace(Core.Numerics.InstructionSet.Current));
    }

    [Fact]
    public void AShardRecord_SaysWhichSliceAndWhichRun()
    {
        string dir = Shards(4, 40)[1];
        var record = ShardRecord.TryRead(dir, out string? problem);
        Assert.NotNull(record);
        Assert.Null(problem);
        Assert.Equal((2, 4, 10, 20, 40, 10), (record!.Shard, record.Shards, record.First, record.End, record.Total, record.Done));
        Assert.Equal(UrbanSim.Runner.Output.Manifest.Sha256OfFile(Scenario), record.ScenarioSha256);
        Assert.Equal(64, record.RunKey.Length);
    }

    [Theory]
    [InlineData("0/3")]
    [InlineData("4/3")]
    [InlineData("3")]
    [InlineData("a/b")]
    [InlineData("1/0")]
    [InlineData("-1/3")]
    public void ABadShard_IsRefused_AndNothingIsWritten(string shard)
    {
        string outDir = Path.Combine(_h.Folder, "bad");
        var (code, _, stderr) = Cli(["run", Scenario, "--reps", "10", "--shard", shard, "--out", outDir]);
        Assert.NotEqual(ExitCodes.Ok, code);
        Assert.Contains("--shard", stderr, StringComparison.Ordinal);
        AssertNoStackTrace(stderr);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void MoreShardsThanReplications_IsRefused()
    {
        string outDir = Path.Combine(_h.Folder, "bad");
        var (code, _, stderr) = Cli(["run", Scenario, "--reps", "3", "--shard", "1/4", "--out", outDir]);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("more than the 3 replications", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    private static void AssertRefused((int Code, string Err, string Out) result, params string[] expected) =>
        RunOutputs.AssertMergeRefused(result.Code, result.Err, result.Out, expected);

    [Fact]
    public void Merge_RefusesShardsOfDifferentSeeds()
    {
        string a = Run("a", "--reps", "20", "--shard", "1/2", "--seed", "1");
        string b = Run("b", "--reps", "20", "--shard", "2/2", "--seed", "2");
        AssertRefused(Merge(a, b), a, b, "seed");
    }

    [Fact]
    public void Merge_RefusesShardsOfDifferentReplicationCounts()
    {
        string a = Run("a", "--reps", "20", "--shard", "1/2");
        string b = Run("b", "--reps", "30", "--shard", "2/2");
        AssertRefused(Merge(a, b), "replications");
    }

    [Fact]
    public void Merge_RefusesShardsOfDifferentScenarios()
    {
        string a = Run("a", "--reps", "20", "--shard", "1/2");
        string other = _h.Write("other.json", TinyScenario.Replace("\"seed\": 7", "\"seed\": 7, \"description\": \"x\"", StringComparison.Ordinal));
        string b = Path.Combine(_h.Folder, "b");
        var (code, _, err) = Cli(["run", other, "--reps", "20", "--shard", "2/2", "--out", b]);
        Assert.True(code == ExitCodes.Ok, err);
        AssertRefused(Merge(a, b), "scenario");
    }

    [Fact]
    public void Merge_RefusesAMissingShard_NamingIt()
    {
        var shards = Shards(3, 30);
        AssertRefused(Merge(shards[0], shards[2]), "10–19", "2/3");
    }

    [Fact]
    public void Merge_RefusesOverlappingShards()
    {
        var shards = Shards(2, 20);
        AssertRefused(Merge(shards[0], shards[1], shards[1]), "overlap");
    }

    [Fact]
    public void Merge_RefusesADamagedChunk_NamingTheFile()
    {
        var shards = Shards(2, 20);
        string chunk = Directory.GetFiles(Path.Combine(shards[1], RunCommand.ChunksFolder), "*.chunk").Single();
        byte[] bytes = File.ReadAllBytes(chunk);
        bytes[bytes.Length / 2] ^= 0x5a;
        File.WriteAllBytes(chunk, bytes);
        AssertRefused(Merge(shards), Path.GetFileName(chunk), "--resume");
    }

    [Fact]
    public void Merge_RefusesAnIncompleteShard()
    {
        var shards = Shards(2, 20);
        foreach (string chunk in Directory.GetFiles(Path.Combine(shards[0], RunCommand.ChunksFolder))) File.Delete(chunk);
        AssertRefused(Merge(shards), "incomplete", "0–9");
    }

    [Fact]
    public void Merge_RefusesAFolderThatIsNotAShard()
    {
        string single = Run("single", "--reps", "20");
        AssertRefused(Merge(single), "shard.json");
    }

    [Fact]
    public void Merge_RefusesADamagedShardRecord()
    {
        var shards = Shards(2, 20);
        string record = Path.Combine(shards[0], ShardRecord.FileName);
        File.WriteAllText(record, File.ReadAllText(record)[..40]);
        AssertRefused(Merge(shards), "damaged");
    }

    [Fact]
    public void AShard_Resumes_ComputingOnlyItsMissingChunks_AndStillMergesIdentically()
    {
        string single = Run("single", "--reps", "600");
        var shards = Shards(2, 600);
        var chunks = Directory.GetFiles(Path.Combine(shards[1], RunCommand.ChunksFolder), "*.chunk").Order(StringComparer.Ordinal).ToArray();
        Assert.True(chunks.Length >= 2);
        File.Delete(chunks[^1]);
        var (code, stdout, stderr) = Cli(["run", Scenario, "--reps", "600", "--shard", "2/2", "--out", shards[1], "--resume"]);
        Assert.True(code == ExitCodes.Ok, stderr);
        Assert.Contains("Resuming:", stderr, StringComparison.Ordinal);
        Assert.Contains("of 300 replications already done", stderr, StringComparison.Ordinal);
        var (mc, err, merged) = Merge(shards);
        Assert.True(mc == ExitCodes.Ok, err);
        RunOutputs.AssertSame(single, merged);
        _ = stdout;
    }

    [Fact]
    public void AShardResumedInAnotherShardsFolder_RemovesThatShardsChunks_AndMergesIdentically()
    {
        string single = Run("single", "--reps", "600");
        var shards = Shards(2, 600);
        // Shard 2/2 rerun with --resume in the folder of shard 1/2 (a reused or mistyped --out).
        string reused = Path.Combine(_h.Folder, "reused");
        CopyFolder(shards[0], reused);
        var (code, _, stderr) = Cli(["run", Scenario, "--reps", "600", "--shard", "2/2", "--out", reused, "--resume"]);
        Assert.True(code == ExitCodes.Ok, stderr);
        Assert.Contains("outside this shard's 300–599", stderr, StringComparison.Ordinal);
        Assert.All(Directory.GetFiles(Path.Combine(reused, RunCommand.ChunksFolder), "*.chunk"),
            path => Assert.True(ChunkFirst(path) >= 300, $"{path} belongs to shard 1/2"));
        var (mc, err, merged) = Merge(shards[0], reused);
        Assert.True(mc == ExitCodes.Ok, err);
        RunOutputs.AssertSame(single, merged);
    }

    private static int ChunkFirst(string path) =>
        int.Parse(Path.GetFileName(path).Split('-')[0], System.Globalization.CultureInfo.InvariantCulture);

    private static void CopyFolder(string from, string to)
    {
        foreach (string dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(dir.Replace(from, to, StringComparison.Ordinal));
        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
    }

    [Fact]
    public void AFullDisk_LeavesNoHalfWrittenChunk_SaysSoWithoutAStackTrace_AndResumeCompletesIt()
    {
        if (!LimitedWrites.Available) return;
        string single = Run("single", "--reps", "40");
        // The real command in a process whose writes fail past 8 KiB a file, as on a full disk: the first chunk cannot be written.
        string outDir = Path.Combine(_h.Folder, "full");
        string chunks = Path.Combine(outDir, RunCommand.ChunksFolder);
        var (code, _, stderr) = LimitedWrites.Urbansim(8, "run", Scenario, "--reps", "40", "--out", outDir);
        Assert.Equal(ExitCodes.WriteFailed, code);
        Assert.Contains("Is the disk full?", stderr, StringComparison.Ordinal);
        Assert.Contains("--resume", stderr, StringComparison.Ordinal);
        AssertNoStackTrace(stderr);
        Assert.Empty(Directory.GetFiles(chunks));
        Assert.False(File.Exists(Path.Combine(outDir, "summary.json")));

        var (again, _, err) = Cli(["run", Scenario, "--reps", "40", "--out", outDir, "--resume"]);
        Assert.True(again == ExitCodes.Ok, err);
        RunOutputs.AssertSame(single, outDir);
    }
}
