using System.Globalization;
using UrbanSim.Runner.Batch;
using UrbanSim.Runner.Commands;
using UrbanSim.Runner.Tests.Commands;
using static UrbanSim.Runner.Tests.Commands.CliHarness;

namespace UrbanSim.Runner.Tests.Batch;

/// <summary>
/// One writer per output folder, and what a killed or crossed writer leaves behind: the lock, chunks checked on every read,
/// misnamed chunks, stale temporary files and the outputs of an earlier run. (Two real processes: <see cref="InterruptedProcessTests"/>.)
/// </summary>
public sealed class OutputFolderTests : IDisposable
{
    private readonly CliHarness _h = new();
    public void Dispose() => _h.Dispose();

    private string Scenario => File.Exists(Path.Combine(_h.Folder, "tiny.json")) ? Path.Combine(_h.Folder, "tiny.json") : _h.Write("tiny.json", TinyScenario);

    private string Run(string name, params string[] extra)
    {
        string outDir = Path.Combine(_h.Folder, name);
        var (code, _, stderr) = Cli(["run", Scenario, "--out", outDir, .. extra]);
        Assert.True(code == ExitCodes.Ok, stderr);
        return outDir;
    }

    [Fact]
    public void RunOnAFolderSomeoneHolds_IsRefusedNamingTheHolder_AndTouchesNothing()
    {
        string dir = Run("held", "--reps", "30");
        var before = Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f => (f, File.GetLastWriteTimeUtc(f))).ToArray();
        using (var held = OutputFolder.TryLock(dir, exclusive: true, out string? problem))
        {
            Assert.NotNull(held);
            foreach (string[] args in new[] { new[] { "--resume" }, Array.Empty<string>() })
            {
                var (code, _, stderr) = Cli(["run", Scenario, "--out", dir, "--reps", "60", "--seed", "9", .. args]);
                Assert.Equal(ExitCodes.FolderInUse, code);
                Assert.Contains($"{dir} is in use by another urbansim process (process {Environment.ProcessId} on ", stderr);
                Assert.Contains("nothing was run or written", stderr);
                AssertNoStackTrace(stderr);
            }
            var (sensitivity, _, why) = Cli("sensitivity", Scenario, "--samples", "8", "--out", dir);
            Assert.Equal(ExitCodes.FolderInUse, sensitivity);
            Assert.Contains("is in use by another urbansim process", why);
        }
        // Chunks, outputs and manifest untouched (only the lock's owner record was rewritten by the holder).
        var after = Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f => (f, File.GetLastWriteTimeUtc(f))).ToArray();
        Assert.Equal(before.Where(x => !x.f.EndsWith(OutputFolder.OwnerFileName, StringComparison.Ordinal)), after.Where(x => !x.f.EndsWith(OutputFolder.OwnerFileName, StringComparison.Ordinal)));
        Run("held", "--reps", "30", "--resume");   // released: the folder is usable again
    }

    [Fact]
    public void MergeIntoAFolderSomeoneHolds_OrFromAShardBeingWritten_IsRefused()
    {
        string one = Run("s1", "--reps", "20", "--shard", "1/2"), two = Run("s2", "--reps", "20", "--shard", "2/2");
        string merged = Path.Combine(_h.Folder, "merged");
        using (var writing = OutputFolder.TryLock(two, exclusive: true, out _))
        {
            var (code, _, stderr) = Cli("merge", one, two, "--out", merged);
            Assert.Equal(ExitCodes.FolderInUse, code);
            Assert.Contains($"merge refused: shard folder {two} is in use by another urbansim process", stderr);
            Assert.False(Directory.Exists(merged));
        }
        Directory.CreateDirectory(merged);
        using (var held = OutputFolder.TryLock(merged, exclusive: true, out _))
        {
            var (code, _, stderr) = Cli("merge", one, two, "--out", merged);
            Assert.Equal(ExitCodes.FolderInUse, code);
            Assert.Contains($"{merged} is in use by another urbansim process", stderr);
            Assert.False(File.Exists(Path.Combine(merged, "summary.json")));
        }
        // Two merges may read the same shards at once (shared locks), and a shard folder is never the output.
        var (ok, _, err) = Cli("merge", one, two, "--out", merged);
        Assert.True(ok == ExitCodes.Ok, err);
        var (same, _, sameErr) = Cli("merge", one, two, "--out", two);
        RunOutputs.AssertMergeRefused(same, sameErr, Path.Combine(two, "summary.json"), "is also a shard folder");
    }

    [Fact]
    public void Outputs_ReadEveryChunkAgainstTheRunKey_SoAnotherRunsChunkNeverMixesIn()
    {
        string mine = Run("mine", "--reps", "30", "--seed", "5");
        string theirs = Run("theirs", "--reps", "30", "--seed", "6");
        // As a second writer would have done behind the first one's back: its chunk under the same name.
        string chunk = Chunk.FileName(0, 30);
        File.Copy(Path.Combine(theirs, RunCommand.ChunksFolder, chunk), Path.Combine(mine, RunCommand.ChunksFolder, chunk), overwrite: true);

        var scenario = Core.Scenarios.ScenarioLoader.LoadFile(Scenario).Scenario! with { Replications = 30, Seed = 5 };
        var entries = new List<ChunkStore.Entry> { new(Path.Combine(mine, RunCommand.ChunksFolder, chunk), 0, 30) };
        var e = Assert.Throws<IOException>(() => BatchOutputs.Write(mine, Scenario, scenario, entries, 1, DateTimeOffset.UtcNow, RunKey.For(scenario)));
        Assert.Contains("no longer the chunk of this run's replications 0–29", e.Message);
    }

    [Fact]
    public void Resume_GivesAValidChunkUnderAnotherRangesName_ItsOwnName_AndEndsIdenticalToAnUninterruptedRun()
    {
        string whole = Run("whole", "--reps", "1024");
        string moved = Run("moved", "--reps", "1024");
        string chunks = Path.Combine(moved, RunCommand.ChunksFolder);
        File.Move(Path.Combine(chunks, Chunk.FileName(512, 768)), Path.Combine(chunks, Chunk.FileName(0, 256)), overwrite: true);

        var (code, _, stderr) = Cli("run", Scenario, "--out", moved, "--reps", "1024", "--resume");

        Assert.True(code == ExitCodes.Ok, stderr);
        Assert.Contains($"holds replications 512–767; renamed {Chunk.FileName(512, 768)}", stderr);
        Assert.Contains("768 of 1,024 replications already done; computing 256", stderr);
        RunOutputs.AssertSame(whole, moved);
    }

    [Fact]
    public void Resume_RemovesTheTemporaryFilesAKilledWriterLeft()
    {
        string dir = Run("swept", "--reps", "30");
        string[] leftovers =
        [
            Path.Combine(dir, ".replications.csv.x1b2c3d4.tmp"),
            Path.Combine(dir, "charts", ".fan_hle_years.svg.0123abcd.tmp"),
            Path.Combine(dir, RunCommand.ChunksFolder, Chunk.FileName(0, 30) + ".tmp"),
        ];
        foreach (string file in leftovers) File.WriteAllText(file, "half-written by a killed process");
        File.WriteAllText(Path.Combine(dir, "notes.tmp"), "the user's own file, not one of ours");

        var (code, _, stderr) = Cli("run", Scenario, "--out", dir, "--reps", "30", "--resume");

        Assert.True(code == ExitCodes.Ok, stderr);
        Assert.Contains("removed 3 temporary file(s) left by an earlier command that was killed", stderr);
        foreach (string file in leftovers) Assert.False(File.Exists(file), $"{file} is still there");
        Assert.True(File.Exists(Path.Combine(dir, "notes.tmp")));
    }

    [Fact]
    public void ARerun_RetiresTheEarlierOutputs_ManifestFirst_BeforeWritingAnything()
    {
        string dir = Run("rerun", "--reps", "30");
        File.WriteAllText(Path.Combine(dir, "charts", "an_old_chart.png"), "from an older urbansim");
        var manifest = RunOutputs.Manifest(dir);
        ((Newtonsoft.Json.Linq.JObject)manifest["files"]!)["charts/an_old_chart.png"] = "0";
        File.WriteAllText(Path.Combine(dir, "manifest.json"), manifest.ToString());
        using var stop = new CancellationTokenSource();
        stop.Cancel();   // stopped before any replication: what is left shows what was retired
        var stderr = new StringWriter(CultureInfo.InvariantCulture);

        int code = RunCommand.Run(new RunOptions(Scenario, 60, 9, 1, dir), new StringWriter(CultureInfo.InvariantCulture), stderr, stop.Token);

        Assert.Equal(ExitCodes.Interrupted, code);
        Assert.False(File.Exists(Path.Combine(dir, "charts", "an_old_chart.png")), "a file the old manifest listed survived the re-run");
        Assert.False((bool)RunOutputs.Manifest(dir)["complete"]!);
        Assert.Equal(9UL, (ulong)RunOutputs.Manifest(dir)["seed"]!);
    }
}
