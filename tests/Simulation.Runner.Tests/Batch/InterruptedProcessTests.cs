using System.Diagnostics;
using Newtonsoft.Json.Linq;
using UrbanSim.Runner.Batch;
using UrbanSim.Runner.Commands;
using UrbanSim.Runner.Tests.Commands;

namespace UrbanSim.Runner.Tests.Batch;

/// <summary>
/// One uninterrupted run of a scenario big enough to interrupt (a few seconds on one thread, so a signal sent after the
/// first chunk lands well before the end), shared by the tests below.
/// </summary>
public sealed class UninterruptedRun : IDisposable
{
    public const string Scenario = """
        {
          "name": "interruptible",
          "world": { "regions": [ { "name": "A", "capacity": "established", "zones": 24 }, { "name": "B", "capacity": "new", "zones": 16 } ] },
          "horizon_years": 20,
          "replications": 2000,
          "seed": 3,
          "variants": [
            { "name": "tied_grants", "levers": { "settlement": "tied_grants" } },
            { "name": "single_pot", "levers": { "settlement": "single_pot" } }
          ]
        }
        """;

    private readonly TempFolder _temp = new("interrupt");
    public string ScenarioPath { get; }
    public string OutDir { get; }
    public string Folder => _temp.Path;

    public UninterruptedRun()
    {
        ScenarioPath = _temp.Write("interruptible.json", Scenario);
        OutDir = Path.Combine(_temp.Path, "whole");
        var (code, _, stderr) = CliHarness.Cli("run", ScenarioPath, "--out", OutDir);
        if (code != ExitCodes.Ok) throw new InvalidOperationException(stderr);
    }

    public void Dispose() => _temp.Dispose();
}

/// <summary>The real command in its own process, stopped by a signal as a user or a scheduler would.</summary>
public sealed class InterruptedProcessTests(UninterruptedRun whole) : IClassFixture<UninterruptedRun>
{
    private static readonly string Urbansim = Path.Combine(AppContext.BaseDirectory, "urbansim.dll");

    private static Process Start(string scenario, string outDir, params string[] extra)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in new[] { Urbansim, "run", scenario, "--out", outDir, "--threads", "1" }.Concat(extra)) info.ArgumentList.Add(a);
        var process = Process.Start(info)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void WaitForChunks(Process process, string outDir, int count)
    {
        var clock = Stopwatch.StartNew();
        string chunks = Path.Combine(outDir, RunCommand.ChunksFolder);
        while (!(Directory.Exists(chunks) && Directory.GetFiles(chunks, "*" + Chunk.Extension).Length >= count))
        {
            Assert.False(process.HasExited, "the run ended before it could be interrupted");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "no chunk written within a minute");
            Thread.Sleep(20);
        }
    }

    /// <summary>
    /// True when this process ignores SIGINT, as a job started in the background by a non-interactive shell does
    /// (POSIX); its children inherit that, so a SIGINT cannot reach them (Linux: the SigIgn mask in /proc).
    /// </summary>
    private static bool SigintIgnoredHere()
    {
        const string path = "/proc/self/status";
        if (!File.Exists(path)) return false;
        string? line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null && (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & (1UL << (2 - 1))) != 0;
    }

    [Theory]
    [InlineData("TERM")]   // what a scheduler sends to pre-empt a job
    [InlineData("INT")]    // Ctrl-C
    public void AStopSignal_StopsCleanlyWithValidPartialOutputs_ThatResumeCompletesIdentically(string signal)
    {
        string outDir = Path.Combine(whole.Folder, "sig" + signal.ToLowerInvariant());
        using var process = Start(whole.ScenarioPath, outDir);
        WaitForChunks(process, outDir, 1);

        using (var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill.WaitForExit();
        Assert.True(process.WaitForExit(60_000));

        if (signal == "INT" && SigintIgnoredHere())
        {
            // Tests started as a background job: the run never sees the SIGINT and must finish normally.
            Assert.Equal(ExitCodes.Ok, process.ExitCode);
            RunOutputs.AssertSame(whole.OutDir, outDir);
            return;
        }
        Assert.Equal(ExitCodes.Interrupted, process.ExitCode);
        var summary = JObject.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        int done = (int)summary["replications"]!;
        Assert.False((bool)summary["complete"]!);
        Assert.InRange(done, 1, 1999);
        Assert.Equal(done * 2 + 1, File.ReadAllLines(Path.Combine(outDir, "replications.csv")).Length);
        Assert.Equal(done, (int)RunOutputs.Manifest(outDir)["replications_done"]!);

        var (code, _, stderr) = CliHarness.Cli("run", whole.ScenarioPath, "--out", outDir, "--resume");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains($"{done:N0} of 2,000 replications already done", stderr);
        RunOutputs.AssertSame(whole.OutDir, outDir);
    }

    [Fact]
    public void Kill9_LeavesOnlyWholeChunks_AndResumeEndsIdenticalToAnUninterruptedRun()
    {
        string outDir = Path.Combine(whole.Folder, "sigkill");
        using var process = Start(whole.ScenarioPath, outDir);
        WaitForChunks(process, outDir, 2);

        process.Kill(entireProcessTree: true);   // SIGKILL: no chance to clean up
        process.WaitForExit();

        // Every chunk on disk is whole (checksummed), and no output file exists half-written.
        foreach (string chunk in Directory.GetFiles(Path.Combine(outDir, RunCommand.ChunksFolder), "*" + Chunk.Extension))
            Assert.True(Chunk.TryRead(chunk, out string? problem) is not null, $"{chunk}: {problem}");
        foreach (string file in BatchOutputs.DataFiles) Assert.False(File.Exists(Path.Combine(outDir, file)), $"{file} exists after a kill mid-run");

        // The killed process's lock went with it: the resume is not refused, and sweeps any temporary file it left.
        var (code, _, stderr) = CliHarness.Cli("run", whole.ScenarioPath, "--out", outDir, "--resume");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("replications already done", stderr);
        Assert.Empty(Directory.GetFiles(outDir, "*.tmp", SearchOption.AllDirectories));
        RunOutputs.AssertSame(whole.OutDir, outDir);
    }

    [Fact]
    public void ASecondRunOnAFolderInUse_IsRefusedNamingTheFirstProcess_AndTheFirstEndsUnmixed()
    {
        string outDir = Path.Combine(whole.Folder, "shared");
        using var first = Start(whole.ScenarioPath, outDir);
        WaitForChunks(first, outDir, 1);

        // As in the report: another seed and --resume (would have mixed its rows in), or no --resume (would have deleted the chunks).
        foreach (string[] extra in new[] { new[] { "--resume" }, Array.Empty<string>() })
        {
            var (code, _, stderr) = CliHarness.Cli(["run", whole.ScenarioPath, "--out", outDir, "--reps", "1024", "--seed", "4", .. extra]);
            Assert.Equal(ExitCodes.FolderInUse, code);
            Assert.Contains($"{outDir} is in use by another urbansim process (process {first.Id} on ", stderr);
            Assert.Contains($"run {whole.ScenarioPath} --out {outDir}", stderr);
            CliHarness.AssertNoStackTrace(stderr);
        }

        Assert.True(first.WaitForExit(120_000), "the first run did not finish");
        Assert.Equal(ExitCodes.Ok, first.ExitCode);
        RunOutputs.AssertSame(whole.OutDir, outDir);
    }

    [Fact]
    public void Kill9OfARerunOverACompleteRun_LeavesNoManifestVouchingForOldFiles()
    {
        string outDir = Path.Combine(whole.Folder, "rerun");
        var (done, _, doneErr) = CliHarness.Cli("run", whole.ScenarioPath, "--out", outDir, "--reps", "600");
        Assert.True(done == ExitCodes.Ok, doneErr);
        using var process = Start(whole.ScenarioPath, outDir, "--seed", "4");
        var clock = Stopwatch.StartNew();
        while (File.Exists(Path.Combine(outDir, "manifest.json")))
        {
            Assert.False(process.HasExited, "the re-run ended with the old manifest still in place");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "the re-run never retired the old manifest");
            Thread.Sleep(10);
        }
        process.Kill(entireProcessTree: true);
        process.WaitForExit();

        Assert.False(File.Exists(Path.Combine(outDir, "manifest.json")));
        foreach (string file in BatchOutputs.DataFiles) Assert.False(File.Exists(Path.Combine(outDir, file)), $"{file} of the earlier run is still there");
        var (code, _, stderr) = CliHarness.Cli("run", whole.ScenarioPath, "--out", outDir, "--seed", "4", "--reps", "600", "--resume");
        Assert.True(code == ExitCodes.Ok, stderr);
        Assert.Equal(4UL, (ulong)RunOutputs.Manifest(outDir)["seed"]!);
        Assert.True((bool)RunOutputs.Manifest(outDir)["complete"]!);
    }

    [Fact]
    public void Kill9OfAShard_MergeRefusesIt_ResumeFinishesIt_AndTheMergeEqualsAnUninterruptedRun()
    {
        string first = Path.Combine(whole.Folder, "shard1"), second = Path.Combine(whole.Folder, "shard2");
        var (one, _, err1) = CliHarness.Cli("run", whole.ScenarioPath, "--shard", "1/2", "--out", first);
        Assert.True(one == ExitCodes.Ok, err1);
        using var process = Start(whole.ScenarioPath, second, "--shard", "2/2");
        WaitForChunks(process, second, 2);
        process.Kill(entireProcessTree: true);
        process.WaitForExit();

        string merged = Path.Combine(whole.Folder, "merged-shards");
        var (refused, _, why) = CliHarness.Cli("merge", first, second, "--out", merged);
        Assert.Equal(ExitCodes.InvalidInput, refused);
        Assert.Contains("shard.json", why);
        Assert.False(Directory.Exists(merged));

        var (code, _, stderr) = CliHarness.Cli("run", whole.ScenarioPath, "--shard", "2/2", "--out", second, "--resume");
        Assert.True(code == ExitCodes.Ok, stderr);
        Assert.Contains("of 1,000 replications already done", stderr);
        var (mergedCode, _, mergeErr) = CliHarness.Cli("merge", second, first, "--out", merged);
        Assert.True(mergedCode == ExitCodes.Ok, mergeErr);
        RunOutputs.AssertSame(whole.OutDir, merged);
    }
}
