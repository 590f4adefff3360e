using System.Globalization;
using UrbanSim.Runner.Batch;
using UrbanSim.Runner.Commands;
using UrbanSim.Runner.Tests.Commands;
using static UrbanSim.Runner.Tests.Commands.CliHarness;

namespace UrbanSim.Runner.Tests.Batch;

/// <summary>Before a run or an analysis starts: its disk, memory and time are estimated, and what cannot fit is refused.</summary>
public sealed class CostEstimateTests : IDisposable
{
    private readonly CliHarness _h = new();
    public void Dispose() => _h.Dispose();

    private string World(int zones, int years) => _h.Write($"w{zones}-{years}.json", $$"""
        {
          "name": "sized",
          "world": { "regions": [ { "name": "A", "capacity": "established", "zones": {{zones}} } ] },
          "horizon_years": {{years}},
          "variants": [ { "name": "tied_grants", "levers": { "settlement": "tied_grants" } }, { "name": "single_pot", "levers": { "settlement": "single_pot" } } ]
        }
        """);

    [Fact]
    public void HundredMillionReplicationsOf200Years_AreRefusedForDisk_BeforeAnythingIsWritten()
    {
        string outDir = Path.Combine(_h.Folder, "never");
        var (code, _, stderr) = Cli("run", World(300, 200), "--reps", "100000000", "--out", outDir);
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("of disk and only", stderr);
        Assert.Contains("TiB on disk", stderr);
        Assert.Contains("nothing was run or written", stderr);
        Assert.False(Directory.Exists(outDir));
        AssertNoStackTrace(stderr);
    }

    [Fact]
    public void AJobOfOverAnHour_NeedsYes_AndWithYesStarts()
    {
        string scenario = World(5000, 25);
        string outDir = Path.Combine(_h.Folder, "long");
        var (code, _, stderr) = Cli("run", scenario, "--reps", "50000", "--threads", "1", "--out", outDir);
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("it would take about", stderr);
        Assert.Contains("run the same command with --yes", stderr);
        Assert.False(Directory.Exists(outDir));

        using var stop = new CancellationTokenSource();
        stop.Cancel();   // it starts, and stops before the first replication
        var err = new StringWriter(CultureInfo.InvariantCulture);
        int started = RunCommand.Run(new RunOptions(scenario, 50000, null, 1, outDir, Yes: true), new StringWriter(CultureInfo.InvariantCulture), err, stop.Token);
        Assert.Equal(ExitCodes.Interrupted, started);
    }

    [Fact]
    public void MoreThreadsThanMemoryAllows_NeedYes()
    {
        var (code, _, stderr) = Cli("run", World(20_000, 2), "--reps", "4", "--threads", "1024", "--out", Path.Combine(_h.Folder, "threads"));
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("1024 threads need about", stderr);
        Assert.Contains("--yes", stderr);
    }

    [Fact]
    public void TheDefaultThreads_AreWhatMemoryAllows()
    {
        var estimate = new CostEstimate(0, long.MaxValue, MemoryPerThreadBytes: 1L << 30, MemoryBaseBytes: 0, AvailableMemoryBytes: 5L << 29, CpuSeconds: 1);
        Assert.Equal(Math.Min(2, Environment.ProcessorCount), estimate.ThreadsMemoryAllows);   // 80% of 2.5 GiB holds two 1 GiB workers
        Assert.Equal(1, (estimate with { AvailableMemoryBytes = 1L << 20 }).ThreadsMemoryAllows);
    }

    [Fact]
    public void TheDiskEstimate_IsWithinAFactorOfTwoOfWhatARunWrites()
    {
        string scenario = World(40, 10);
        string outDir = Path.Combine(_h.Folder, "measured");
        var (code, _, err) = Cli("run", scenario, "--reps", "1000", "--out", outDir);
        Assert.True(code == ExitCodes.Ok, err);
        long written = Directory.GetFiles(outDir, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        var loaded = Core.Scenarios.ScenarioLoader.LoadFile(scenario).Scenario!;
        long estimated = CostEstimate.ForRun(loaded, 1000, outDir, writesOutputs: true).DiskBytes;
        Assert.InRange(estimated, written / 2, written * 2);
    }
}
