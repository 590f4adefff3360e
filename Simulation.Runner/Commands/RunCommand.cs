using System.Globalization;
using UrbanSim.Core.Engine;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Runner.Batch;
using UrbanSim.Runner.Charts;
using UrbanSim.Runner.Output;

namespace UrbanSim.Runner.Commands;

/// <summary>Options of <c>urbansim run</c>; null means "as the scenario says".</summary>
/// <param name="Yes">Go on although the estimate is above the thresholds that ask for confirmation (<see cref="CostEstimate"/>).</param>
internal sealed record RunOptions(string ScenarioPath, int? Replications, ulong? Seed, int? Threads, string? OutDirectory, bool Resume = false, ShardSpec? Shard = null, bool Yes = false);

/// <summary>
/// <c>urbansim run</c>: validates the scenario (writing nothing if it is invalid), runs the Monte Carlo
/// batch in parallel while streaming replications to checksummed chunks in <c>OUT/chunks/</c>, then folds
/// the chunks in replication order into the outputs: summary.json, replications.csv, timeseries.csv,
/// zones.csv, charts and manifest.json. Stopped early (Ctrl-C, SIGTERM), it writes the same outputs for the
/// replications done, marked incomplete; <c>--resume</c> computes only what is missing.
/// </summary>
internal static class RunCommand
{
    public const string ChunksFolder = "chunks";

    public static int Run(RunOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellation = default, bool terminal = false)
    {
        var started = DateTimeOffset.UtcNow;
        if (ScenarioInput.Load(options.ScenarioPath, stderr, "; nothing was run or written") is not { } loadedScenario) return ExitCodes.InvalidInput;
        var scenario = loadedScenario with
        {
            Replications = options.Replications ?? loadedScenario.Replications,
            Seed = options.Seed ?? loadedScenario.Seed,
        };
        if (options.Shard is { } requested && requested.Count > scenario.Replications)
        {
            stderr.WriteLine($"--shard {requested}: {requested.Count} shards is more than the {scenario.Replications:N0} replications; use at most {scenario.Replications} shards. Nothing was run or written.");
            return ExitCodes.Usage;
        }
        string outDir = options.OutDirectory ?? Path.Combine("out", Path.GetFileNameWithoutExtension(options.ScenarioPath));
        string chunksDir = Path.Combine(outDir, ChunksFolder);
        // Disk, memory and time, before anything is written: refused if it cannot fit, --yes above the thresholds, and the
        // threads by default what memory allows.
        var (sliceFirst, sliceEnd) = options.Shard?.Range(scenario.Replications) ?? (0, scenario.Replications);
        int onDisk = options.Resume ? Math.Min(CostEstimate.ReplicationsOnDisk(chunksDir), sliceEnd - sliceFirst) : 0;
        var estimate = CostEstimate.ForRun(scenario, sliceEnd - sliceFirst - onDisk, outDir, writesOutputs: options.Shard is null);
        if (estimate.Check(options.Threads, options.Yes, "run", stderr, out int threads) is { } refused) return refused;
        // One writer per folder, for the whole run: a second run on it is refused instead of mixing or deleting results.
        using var folder = OutputFolder.Claim(outDir, stderr, out int claimed);
        if (folder is null) return claimed;

        if (BatchCharts.MissingFontWarning() is { } warning) stderr.WriteLine(warning);
        var layout = RecordLayout.For(scenario);
        string runKey = RunKey.For(scenario);
        var store = ChunkStore.ForRun(chunksDir, runKey, layout);
        int total = scenario.Replications;
        // A shard computes only its slice [rangeFirst, rangeEnd) of the replications.
        var (rangeFirst, rangeEnd) = options.Shard?.Range(total) ?? (0, total);
        int size = rangeEnd - rangeFirst;
        // A shard folder has a shard.json only once the shard has finished (rewritten at the end), so a
        // shard that is running, or was killed, cannot be merged by mistake.
        if (options.Shard is not null) File.Delete(Path.Combine(outDir, ShardRecord.FileName));
        // An earlier run's outputs go before any new one is written (its manifest first), so the folder never shows a mix.
        else folder.RetirePreviousOutputs(BatchOutputs.DataFiles);
        var (found, missing) = store.Prepare(options.Resume, total, rangeFirst, rangeEnd, stderr);
        int toDo = missing.Sum(g => g.End - g.First);
        if (options.Resume) stderr.WriteLine(store.ResumeLine(size, toDo, "writing the outputs"));

        try
        {
            var progress = new ProgressReporter(stderr, terminal, size, size - toDo);
            // A whole run folds its chunks while they are computed, in replication order: the chunks found on disk before
            // each missing range, then the range's chunks as each is written (a shard writes no outputs, so folds nothing).
            using var fold = options.Shard is null ? new BackgroundFold(outDir, scenario, runKey) : null;
            // Fonts loaded and plotting code compiled while the replications run, not after the last one.
            var chartWarmUp = options.Shard is null ? ChartWarmUp.Start() : Task.CompletedTask;
            var foundInOrder = new Queue<ChunkStore.Entry>(found.OrderBy(e => e.First));
            void FoldFoundBefore(int replication)
            {
                while (foundInOrder.Count > 0 && foundInOrder.Peek().First < replication)
                {
                    var chunk = foundInOrder.Dequeue();   // not inside fold?.Add(...): a null fold would skip the argument
                    fold?.Add(chunk);
                }
            }
            var writer = new ChunkWriter(chunksDir, runKey, layout) { OnWritten = fold is null ? null : fold.Add };
            foreach (var (first, end) in missing.OrderBy(g => g.First))
            {
                if (cancellation.IsCancellationRequested) break;
                FoldFoundBefore(first);
                try
                {
                    MonteCarloBatch.Run(scenario, first, end - first, threads, result => { writer.Add(result); progress.Advance(); }, cancellation);
                }
                finally { writer.Flush(); }
            }
            FoldFoundBefore(int.MaxValue);
            progress.Finish();

            // What is on disk now: the valid chunks found at the start and those just written (they fill gaps, so never overlap).
            var done = found.Concat(writer.Written).OrderBy(e => e.First).ToList();
            if (options.Shard is { } shard) return FinishShard(options, shard, scenario, done, runKey, outDir, rangeFirst, rangeEnd, threads, started, stdout, stderr);
            chartWarmUp.Wait();
            var batch = BatchOutputs.WriteFolded(outDir, options.ScenarioPath, scenario, fold!.Finish(), threads, started, runKey);
            ConsoleReport.Print(stdout, scenario, batch);
            double wall = (DateTimeOffset.UtcNow - started).TotalSeconds;
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{batch.Replications:N0} replications × {scenario.Variants.Length} variants × {scenario.HorizonYears} years in {wall:F1} s on {threads} thread(s); seed {scenario.Seed}"));
            stdout.WriteLine($"Wrote {outDir}/: {string.Join(", ", BatchOutputs.DataFiles)}, charts/, manifest.json");
            if (batch.Replications < total)
            {
                stderr.WriteLine($"Stopped after {batch.Replications:N0} of {total:N0} replications. The outputs in {outDir} cover those (marked \"complete\": false).");
                stderr.WriteLine($"To finish, run the same command with --resume: urbansim run {options.ScenarioPath} --out {outDir} --resume");
                return ExitCodes.Interrupted;
            }
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Typically a full disk. Chunks are written to a temporary file and renamed, so every chunk on
            // disk is whole; outputs likewise. A later --resume keeps those and computes the rest.
            stderr.WriteLine($"{outDir}: writing failed: {e.Message.TrimEnd('.')}. Is the disk full? Every chunk and output file on disk is whole; free some space and run the same command with --resume to compute only what is missing.");
            return ExitCodes.WriteFailed;
        }
    }

    /// <summary>
    /// A shard writes no summary, CSVs or charts (they would describe only its slice): just its chunks and
    /// <c>shard.json</c>, which <c>urbansim merge</c> combines with the other shards' into the full outputs.
    /// </summary>
    private static int FinishShard(RunOptions options, ShardSpec shard, Scenario scenario, IReadOnlyList<ChunkStore.Entry> chunks, string runKey, string outDir,
        int first, int end, int threads, DateTimeOffset started, TextWriter stdout, TextWriter stderr)
    {
        var record = ShardRecord.For(ShardKind.Run, shard, first, end, scenario.Replications, ChunkStore.Covered(chunks, first, end), samples: null, scenario.Seed, runKey, options.ScenarioPath);
        return ShardFinish.Write(record, outDir, threads, started, stdout, stderr);
    }
}

/// <summary>Process exit codes.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>The command line was wrong (an unknown option, a value out of range): bad input, like <see cref="InvalidInput"/>.</summary>
    public const int Usage = 2;
    /// <summary>A scenario, zones or appraisal file was invalid; every problem was printed.</summary>
    public const int InvalidInput = 2;
    /// <summary>Stopped by Ctrl-C or SIGTERM; the partial results were written and <c>--resume</c> completes them.</summary>
    public const int Interrupted = 130;
    /// <summary>Writing results failed (a full disk, say); what is on disk is whole and <c>--resume</c> completes it.</summary>
    public const int WriteFailed = 74;
    /// <summary>A bug: an unexpected exception.</summary>
    public const int InternalError = 70;
    /// <summary>The output folder is being written by another urbansim process (sysexits' EX_TEMPFAIL: try again later); nothing was done.</summary>
    public const int FolderInUse = 75;
}
