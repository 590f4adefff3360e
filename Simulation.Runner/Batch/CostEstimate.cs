using System.Globalization;
using UrbanSim.Core.Engine;
using UrbanSim.Core.Scenarios;
using UrbanSim.Runner.Commands;

namespace UrbanSim.Runner.Batch;

/// <summary>
/// What a run or an analysis will cost before it starts: disk (chunks and outputs), memory (a world and its result slots
/// per worker thread, and the batch's statistics) and time. Commands refuse what cannot fit on the disk, ask for
/// <c>--yes</c> above <see cref="ConfirmAboveSeconds"/> or <see cref="ConfirmAboveDiskBytes"/>, and default
/// <c>--threads</c> to what memory allows. The figures are estimates (the time one from the reference scenario's measured
/// rate), printed so that a person can judge them.
/// </summary>
internal sealed record CostEstimate(long DiskBytes, long FreeDiskBytes, long MemoryPerThreadBytes, long MemoryBaseBytes, long AvailableMemoryBytes, double CpuSeconds)
{
    /// <summary>Runs estimated to take longer than this (on the threads used) need --yes: an hour.</summary>
    public const double ConfirmAboveSeconds = 3600;
    /// <summary>Runs estimated to write more than this need --yes: 20 GiB.</summary>
    public const long ConfirmAboveDiskBytes = 20L << 30;
    /// <summary>Seconds of one core per zone, year and variant of a replication (the reference scenario: 4.05 ms for 300 zones × 25 years × 2 variants, rounded up).</summary>
    public const double SecondsPerZoneYearVariant = 0.3e-6;
    /// <summary>Share of the memory available to the process that the estimate may fill.</summary>
    public const double MemoryShare = 0.8;

    /// <summary>Bytes of one replication's result (the engine keeps 2 × 32 per thread in flight).</summary>
    public static long ResultBytes(Scenario s) =>
        8L * (s.Variants.Length * (s.Catalogue.Outcomes.Count + s.HorizonYears * s.Catalogue.Outcomes.SeriesCount + 10 + 2L * s.World.ZoneCount) + 2L * s.World.ZoneCount + 20) + 256;

    /// <summary>
    /// A worker's world, measured: the bytes allocated by one replication of a one-year copy of the scenario on one thread
    /// (world, sites, agents, caches), less its two result slots; then its result slots at the real horizon added.
    /// </summary>
    public static long MeasureMemoryPerThreadBytes(Scenario scenario)
    {
        var pilot = scenario with { HorizonYears = 1, Replications = 1 };
        long before = GC.GetTotalAllocatedBytes(precise: true);
        MonteCarloBatch.Run(pilot, 0, 1, 1, _ => { });
        long world = Math.Max(0, GC.GetTotalAllocatedBytes(precise: true) - before - 2 * ResultBytes(pilot));
        return world + 2L * MonteCarloBatch.BlockPerThread * ResultBytes(scenario);
    }

    /// <summary>The estimate for computing <paramref name="replications"/> replications of <paramref name="scenario"/> into <paramref name="outDir"/>.</summary>
    public static CostEstimate ForRun(Scenario scenario, int replications, string outDir, bool writesOutputs)
    {
        var layout = RecordLayout.For(scenario);
        long chunkBytesPerReplication = 8L * layout.Width + (long)Math.Ceiling(8.0 * ZoneSums.Fields * layout.Variants * layout.Zones / ChunkStore.ChunkReplications);
        // replications.csv: one row per replication and variant, about 20 characters a number.
        long csvBytesPerReplication = writesOutputs ? 20L * layout.Variants * (2 + layout.Outcomes.Count + RecordLayout.Deciles + Core.Outcomes.Baseline.Count) : 0;
        long fixedOutputs = writesOutputs ? (8L << 20) + 200L * layout.Variants * (layout.Zones + layout.Years * layout.Outcomes.SeriesCount) : 64 << 10;
        long disk = replications * (chunkBytesPerReplication + csvBytesPerReplication) + fixedOutputs;
        double cpu = replications * SecondsPerZoneYearVariant * Math.Max(1, scenario.World.ZoneCount) * scenario.HorizonYears * scenario.Variants.Length;
        long statistics = writesOutputs ? BatchAccumulator.QuantileBudgetBytes * 2 : 0;
        return new CostEstimate(disk, FreeBytes(outDir), MeasureMemoryPerThreadBytes(scenario), statistics + (150L << 20), AvailableMemory(), cpu);
    }

    /// <summary>
    /// The estimate for evaluating <paramref name="rows"/> rows of a design (<c>urbansim evaluate</c>): each row every
    /// variant, <paramref name="replicationsPerRow"/> times, its <paramref name="outputsPerRow"/> outcomes kept in chunks
    /// of <paramref name="rowsPerChunk"/> rows; only a chunk is held in memory, as rows are streamed to results.csv.
    /// </summary>
    public static CostEstimate ForEvaluation(Scenario scenario, int rows, int replicationsPerRow, int outputsPerRow, int rowsPerChunk, int columns, bool perReplication, string outDir)
    {
        int variants = scenario.Variants.Length, outcomes = scenario.Catalogue.Outcomes.Count;
        // Chunks hold every value exactly; the CSV files about 20 characters a number.
        long csvPerRow = 20L * (1 + columns + variants * outcomes * (replicationsPerRow > 1 ? 2 : 1))
            + (perReplication ? 20L * replicationsPerRow * (2 + columns + variants * outcomes) : 0);
        long disk = rows * (8L * outputsPerRow + csvPerRow) + (16L << 20);
        double cpu = (double)rows * replicationsPerRow * SecondsPerZoneYearVariant * Math.Max(1, scenario.World.ZoneCount) * scenario.HorizonYears * variants;
        long chunk = 2L * 8 * rowsPerChunk * outputsPerRow;   // the values computed and the chunk read back to write rows
        return new CostEstimate(disk, FreeBytes(outDir), MeasureMemoryPerThreadBytes(scenario), chunk + (150L << 20), AvailableMemory(), cpu);
    }

    /// <summary>The estimate for <paramref name="points"/> points of a sensitivity analysis, each <paramref name="replicationsPerPoint"/> replications of the base variant.</summary>
    public static CostEstimate ForSensitivity(Scenario scenario, int points, int replicationsPerPoint, int outputs, int factors, string outDir)
    {
        var single = scenario with { Variants = [scenario.Variants[0]] };
        long disk = (long)points * (8L * outputs + 20L * (outputs + factors + 3)) + (16L << 20);
        double cpu = (double)points * replicationsPerPoint * SecondsPerZoneYearVariant * Math.Max(1, scenario.World.ZoneCount) * scenario.HorizonYears;
        return new CostEstimate(disk, FreeBytes(outDir), MeasureMemoryPerThreadBytes(single), 8L * points * outputs * 3 + (300L << 20), AvailableMemory(), cpu);
    }

    /// <summary>Threads that fit in memory: at least 1, at most the cores.</summary>
    public int ThreadsMemoryAllows => (int)Math.Clamp((AvailableMemoryBytes * MemoryShare - MemoryBaseBytes) / Math.Max(1, MemoryPerThreadBytes), 1, Environment.ProcessorCount);

    /// <summary>Memory needed on <paramref name="threads"/> threads.</summary>
    public long MemoryBytes(int threads) => MemoryBaseBytes + threads * MemoryPerThreadBytes;

    /// <summary>The estimate in one line, for the threads chosen.</summary>
    public string Describe(int threads) => string.Create(CultureInfo.InvariantCulture,
        $"estimate: {Size(DiskBytes)} on disk ({Size(FreeDiskBytes)} free), {Size(MemoryBytes(threads))} of memory on {threads} thread(s) ({Size(MemoryPerThreadBytes)} a thread; {Size(AvailableMemoryBytes)} available), about {Duration(CpuSeconds / threads)}");

    /// <summary>
    /// Checks the estimate before a command starts and settles the threads: null to go on (with <paramref name="threads"/>
    /// set), or the exit code after printing why not. Refused (exit 2): more disk than is free, or more memory than there is
    /// even on one thread. Needs --yes: more than an hour, more than 20 GiB, or more threads than memory allows.
    /// </summary>
    public int? Check(int? requestedThreads, bool yes, string command, TextWriter stderr, out int threads)
    {
        threads = requestedThreads ?? ThreadsMemoryAllows;
        // Printed when it matters: a long job, or one that will not be started as asked.
        if (CpuSeconds / threads > 60 || DiskBytes > FreeDiskBytes || MemoryBytes(threads) > AvailableMemoryBytes * MemoryShare || DiskBytes > ConfirmAboveDiskBytes)
            stderr.WriteLine($"{command}: {Describe(threads)}");
        if (DiskBytes > FreeDiskBytes)
        {
            stderr.WriteLine($"{command}: needs about {Size(DiskBytes)} of disk and only {Size(FreeDiskBytes)} is free where it writes. Fix: free some space, give --out a folder on a larger disk, or ask for fewer replications (or split the work with --shard K/N across machines); nothing was run or written.");
            return ExitCodes.InvalidInput;
        }
        if (MemoryBytes(1) > AvailableMemoryBytes)
        {
            stderr.WriteLine($"{command}: needs about {Size(MemoryBytes(1))} of memory even on one thread, and {Size(AvailableMemoryBytes)} is available. Fix: use fewer zones or years, or a machine with more memory; nothing was run or written.");
            return ExitCodes.InvalidInput;
        }
        var reasons = new List<string>();
        if (CpuSeconds / threads > ConfirmAboveSeconds) reasons.Add($"it would take about {Duration(CpuSeconds / threads)}");
        if (DiskBytes > ConfirmAboveDiskBytes) reasons.Add($"it would write about {Size(DiskBytes)}");
        if (requestedThreads is { } asked && asked > ThreadsMemoryAllows) reasons.Add($"{asked} threads need about {Size(MemoryBytes(asked))} of memory, more than the {ThreadsMemoryAllows} thread(s) that fit");
        if (reasons.Count == 0 || yes) return null;
        stderr.WriteLine($"{command}: {string.Join("; ", reasons)}. Fix: if that is what you want, run the same command with --yes; otherwise ask for fewer replications or threads; nothing was run or written.");
        return ExitCodes.InvalidInput;
    }

    /// <summary>Free space on the disk that holds <paramref name="outDir"/> (or the nearest folder above it that exists); unknown as long.MaxValue.</summary>
    private static long FreeBytes(string outDir)
    {
        for (var folder = new DirectoryInfo(Path.GetFullPath(outDir)); folder is not null; folder = folder.Parent)
        {
            if (!folder.Exists) continue;
            try { return new DriveInfo(folder.FullName).AvailableFreeSpace; }
            catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException) { return long.MaxValue; }
        }
        return long.MaxValue;
    }

    /// <summary>Replications already in valid-looking chunk files of <paramref name="chunksDir"/> (by their names), for a resume's estimate.</summary>
    public static int ReplicationsOnDisk(string chunksDir)
    {
        if (!Directory.Exists(chunksDir)) return 0;
        long total = 0;
        foreach (string path in Directory.EnumerateFiles(chunksDir, "*" + Chunk.Extension))
        {
            string[] range = Path.GetFileNameWithoutExtension(path).Split('-');
            if (range.Length == 2 && int.TryParse(range[0], out int first) && int.TryParse(range[1], out int end) && end > first) total += end - first;
        }
        return (int)Math.Min(total, int.MaxValue);
    }

    private static long AvailableMemory()
    {
        long total = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        return total > 0 ? total : long.MaxValue;
    }

    public static string Size(long bytes) => bytes == long.MaxValue ? "unknown" : Core.Scenarios.InputFile.Size(bytes);

    public static string Duration(double seconds) => seconds switch
    {
        < 90 => string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, seconds):0} s"),
        < 5400 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:0} minutes"),
        < 172_800 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:0.#} hours"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 86400:N0} days"),
    };
}
