using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using UrbanSim.Core.Scenarios;
using UrbanSim.Runner.Batch;
using UrbanSim.Runner.Evaluate;
using UrbanSim.Runner.Output;
using UrbanSim.Runner.Sensitivity;

namespace UrbanSim.Runner.Commands;

/// <summary>Options of <c>urbansim evaluate</c>; null means "as the scenario says" or the default.</summary>
internal sealed record EvaluateOptions(string ScenarioPath, string DesignPath, int Replications = 1, ulong? Seed = null, int? Threads = null, string? OutDirectory = null,
    bool Resume = false, ShardSpec? Shard = null, bool Yes = false, bool PerReplication = false);

/// <summary>
/// <c>urbansim evaluate</c>: runs a scenario at every row of a design CSV that an external sampler wrote (SALib, EMA
/// Workbench): every variant of the scenario, R replications per row under common random numbers, the row's levers set on
/// every variant and its parameters set instead of drawn. Writes <c>results.csv</c> (one row per design row, in design
/// order) as chunks finish, so a partial file is usable; outputs go to checksummed chunks as for <c>sensitivity</c>,
/// so <c>--resume</c> computes only what is missing and <c>--shard K/N</c> computes one slice of the rows.
/// </summary>
internal static class EvaluateCommand
{
    public const int DefaultReplications = 1;
    /// <summary>Model evaluations (replications × variants) a chunk aims at; it holds 16 to 64 design rows.</summary>
    private const int ReplicationsPerChunk = 256;

    public static int Run(EvaluateOptions options, TextWriter stdout, TextWriter stderr, bool terminal = false, CancellationToken cancellation = default)
    {
        var started = DateTimeOffset.UtcNow;
        // Both inputs are checked before anything runs, and every problem of both is printed.
        var loaded = ScenarioInput.Load(options.ScenarioPath, stderr, "; nothing was run or written");
        var design = DesignFile.Load(options.DesignPath, out var problems, out int problemCount);
        if (design is null)
        {
            foreach (var problem in problems.Take(ScenarioInput.MaxPrinted)) stderr.WriteLine(problem);
            if (problemCount > ScenarioInput.MaxPrinted) stderr.WriteLine($"… and {problemCount - ScenarioInput.MaxPrinted:N0} more; fix these first.");
            stderr.WriteLine($"{problemCount:N0} problem(s) in {options.DesignPath}; nothing was run or written.");
        }
        if (loaded is null || design is null) return ExitCodes.InvalidInput;

        var scenario = loaded with { Seed = options.Seed ?? loaded.Seed };
        int rows = design.Rows, reps = options.Replications;
        if (options.Shard is { } requested && requested.Count > rows)
        {
            stderr.WriteLine($"--shard {requested}: {requested.Count} shards is more than the {rows:N0} rows of {options.DesignPath}; use at most {rows} shards. Nothing was run or written.");
            return ExitCodes.Usage;
        }
        var model = new DesignModel(scenario, design.Columns, reps);
        string outDir = options.OutDirectory ?? Path.Combine("out", Path.GetFileNameWithoutExtension(options.ScenarioPath) + "-evaluate");
        string chunksDir = Path.Combine(outDir, RunCommand.ChunksFolder);
        var (first, end) = options.Shard?.Range(rows) ?? (0, rows);
        int size = end - first;
        int chunkRows = Math.Clamp(ReplicationsPerChunk / Math.Max(1, reps * scenario.Variants.Length), 16, PointChunk.ChunkPoints);
        var estimate = CostEstimate.ForEvaluation(scenario, size, reps, model.Outputs.Count, chunkRows, design.Columns.Length, options.PerReplication, outDir);
        if (estimate.Check(options.Threads, options.Yes, "evaluate", stderr, out int threads) is { } refused) return refused;
        using var folder = OutputFolder.Claim(outDir, stderr, out int claimed);
        if (folder is null) return claimed;

        foreach (string note in OverriddenColumns(scenario, design)) stderr.WriteLine(note);
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{rows:N0} design rows × {reps} replication(s) × {scenario.Variants.Length} variant(s){(options.Shard is { } s ? $"; shard {s}: rows {first + 1:N0}–{end:N0}" : "")}; {design.Columns.Length} column(s): {string.Join(", ", design.Columns.Select(c => c.Name))}"));
        string runKey = Key(scenario, design, reps);
        var store = new ChunkStore(chunksDir, runKey, PointChunk.Shape(model.Outputs.Count), PointChunk.Probe, "rows");
        // An earlier evaluation's outputs go before any new one is written (its manifest first), so the folder never shows a mix;
        // a shard's record is written only once it has stopped, so a shard that is running or was killed cannot be merged.
        folder.RetirePreviousOutputs(DataFiles);
        if (options.Shard is not null) File.Delete(Path.Combine(outDir, ShardRecord.FileName));
        var (found, missing) = store.Prepare(options.Resume, rows, first, end, stderr);
        int toDo = missing.Sum(g => g.End - g.First);
        if (options.Resume) stderr.WriteLine(store.ResumeLine(size, toDo, "writing the results"));

        try
        {
            AtomicFile.WriteText(Path.Combine(outDir, ColumnsFile), w => WriteColumns(w, scenario, design, reps, options.PerReplication));
            int done;
            using (var results = new EvaluationResults(outDir, scenario, design, model, runKey, first, options.PerReplication))
            {
                foreach (var entry in found) results.Add(entry);
                var progress = new ProgressReporter(stderr, terminal, size, size - toDo, "rows");
                PointChunk.EvaluateMissing(model, (a, b) => design.Values[(a * design.Columns.Length)..(b * design.Columns.Length)], chunkRows, missing,
                    runKey, chunksDir, threads, progress.Advance, cancellation, results.Add);
                progress.Finish();
                done = results.Next - first;
            }
            var record = options.Shard is { } sliced
                ? ShardRecord.For(ShardKind.Evaluation, sliced, first, end, rows, done, null, scenario.Seed, runKey, options.ScenarioPath) with
                {
                    ReplicationsPerRow = reps, PerReplication = options.PerReplication, DesignPath = options.DesignPath,
                    DesignFullPath = Path.GetFullPath(options.DesignPath), DesignSha256 = Manifest.Sha256OfFile(options.DesignPath),
                }
                : null;
            if (done < size)
            {
                record?.Write(outDir);
                stderr.WriteLine($"Stopped after {done:N0} of {size:N0} design rows; {EvaluationResults.FileName} holds rows {first + 1:N0}–{first + done:N0}.");
                stderr.WriteLine($"To finish, run the same command with --resume: {ResumeCommand(options, scenario.Seed, outDir)}");
                return ExitCodes.Interrupted;
            }
            var files = WriteManifest(outDir, options.ScenarioPath, options.ScenarioPath, options.DesignPath, options.DesignPath, scenario, design, reps, options.PerReplication,
                runKey, first, end, options.Shard, threads, started, Core.Numerics.InstructionSet.Current);
            record?.Write(outDir);
            double wall = (DateTimeOffset.UtcNow - started).TotalSeconds;
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{size:N0} design rows × {reps} replication(s) × {scenario.Variants.Length} variant(s) in {wall:F1} s on {threads} thread(s); seed {scenario.Seed}"));
            stdout.WriteLine($"Wrote {outDir}/: {string.Join(", ", files)}, manifest.json");
            if (options.Shard is { } shard)
                stdout.WriteLine($"Shard {shard}: rows {first + 1:N0}–{end:N0}, and {ShardRecord.FileName}. When all {shard.Count} shards are done, combine them with: urbansim merge <the {shard.Count} shard folders> --out <folder>");
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"{outDir}: writing failed: {e.Message.TrimEnd('.')}. Is the disk full? Every chunk on disk is whole; free some space and run the same command with --resume to compute only what is missing.");
            return ExitCodes.WriteFailed;
        }
    }

    public const string ColumnsFile = "columns.csv";

    /// <summary>The files an evaluation writes besides its chunks and manifest.</summary>
    public static readonly string[] DataFiles = [EvaluationResults.FileName, EvaluationResults.ByReplicationFileName, ColumnsFile];

    /// <summary>
    /// What the chunks depend on: the scenario's run key (content, seed, tool version), the replications per row, and
    /// the design's columns and values (exact bits). A resume with another design, seed or --reps recomputes.
    /// </summary>
    internal static string Key(Scenario scenario, Design design, int replications) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        $"urbansim-evaluate-key/1\n{RunKey.For(scenario)}\nreplications {replications}\ndesign {design.ContentSha256()}")));

    /// <summary>A note for each design parameter that a variant sets itself: that variant keeps its own value.</summary>
    private static IEnumerable<string> OverriddenColumns(Scenario scenario, Design design)
    {
        foreach (var c in design.Columns.Where(c => !c.IsLever))
            foreach (var v in scenario.Variants.Where(v => v.Parameters.Any(p => p.Path == c.Name)))
                yield return $"note: variant '{v.Name}' sets {c.Name} itself, so it runs with its own value, not the design's (as it would over a draw); the other variants use the design's.";
    }

    private static string ResumeCommand(EvaluateOptions o, ulong seed, string outDir) => string.Create(CultureInfo.InvariantCulture,
        $"urbansim evaluate {o.ScenarioPath} --design {o.DesignPath} --reps {o.Replications} --seed {seed}{(o.Shard is { } s ? $" --shard {s}" : "")}{(o.PerReplication ? " --per-replication" : "")} --out {outDir} --resume");

    /// <summary>The data dictionary of the evaluation's CSV files, in the columns of a run's <c>columns.csv</c>.</summary>
    internal static void WriteColumns(TextWriter w, Scenario scenario, Design design, int reps, bool perReplication)
    {
        w.WriteLine(ColumnsCsv.Header);
        void Column(string file, string name, string unit, string description, string discounted = "no", string? precision = null) =>
            w.WriteLine(string.Join(',', file, Csv.Text(name), "column", Csv.Text(unit), Csv.Text(discounted), Csv.Text(precision ?? Csv.Precision), Csv.Text(description)));
        void DesignColumns(string file)
        {
            foreach (var c in design.Columns)
                Column(file, c.Name, c.IsLever ? "as the lever" : "as the parameter", string.Create(CultureInfo.InvariantCulture,
                    $"The design's value of the {(c.IsLever ? "lever, set on every variant" : "parameter, set for every variant instead of drawn (a variant that sets it itself keeps its own)")}, as written in the design file: {c.Meaning.TrimEnd('.')}; allowed {c.Min} to {c.Max}"), precision: "as written in the design");
        }
        Column(EvaluationResults.FileName, "row", "index", "The design row, 1-based, in the design file's order (blank lines skipped, as pandas skips them)", precision: "exact");
        DesignColumns(EvaluationResults.FileName);
        foreach (var v in scenario.Variants)
            foreach (var o in scenario.Catalogue.Outcomes.All)
            {
                string discounted = ColumnsCsv.Discounted(o.DiscountRatePerYear);
                Column(EvaluationResults.FileName, EvaluationResults.MeanColumn(v.Name, o.Name), o.Unit,
                    $"Mean over the {reps} replication(s) of the row, in variant {v.Name}: {o.Description.TrimEnd('.')}; empty when undefined", discounted);
                if (reps > 1)
                    Column(EvaluationResults.FileName, EvaluationResults.SdColumn(v.Name, o.Name), o.Unit,
                        $"Standard deviation over the {reps} replications of the row (n − 1) of {v.Name}'s {o.Name}: the spread the replications' draws give at this design point", discounted);
            }
        if (!perReplication) return;
        const string byReplication = EvaluationResults.ByReplicationFileName;
        Column(byReplication, "row", "index", "The design row, 1-based, as in results.csv", precision: "exact");
        Column(byReplication, "replication", "index", "The replication; replication r uses the same random draws at every design row (common random numbers)", precision: "exact");
        DesignColumns(byReplication);
        foreach (var v in scenario.Variants)
            foreach (var o in scenario.Catalogue.Outcomes.All)
                Column(byReplication, EvaluationResults.MeanColumn(v.Name, o.Name), o.Unit, $"In this replication, variant {v.Name}: {o.Description.TrimEnd('.')}", ColumnsCsv.Discounted(o.DiscountRatePerYear));
    }

    /// <summary>
    /// Writes manifest.json for the files of an evaluation in <paramref name="outDir"/> (results.csv, results_by_replication.csv
    /// when asked, columns.csv) and returns their names. Shared by an evaluation and by merge, so both record the same.
    /// </summary>
    /// <param name="scenarioPath">The scenario path as typed, for the manifest; <paramref name="scenarioFile"/> where to read it (merge: its full path). Likewise the design.</param>
    internal static List<string> WriteManifest(string outDir, string scenarioPath, string scenarioFile, string designPath, string designFile, Scenario scenario, Design design,
        int reps, bool perReplication, string runKey, int first, int end, ShardSpec? shard, int threads, DateTimeOffset started, string instructionSet)
    {
        var files = new List<string> { EvaluationResults.FileName };
        if (perReplication) files.Add(EvaluationResults.ByReplicationFileName);
        files.Add(ColumnsFile);
        var finished = DateTimeOffset.UtcNow;
        var sb = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var w = new JsonTextWriter(sb) { Formatting = Formatting.Indented })
        {
            void Str(string name, string value) { w.WritePropertyName(name); w.WriteValue(value); }
            void Int(string name, long value) { w.WritePropertyName(name); w.WriteValue(value); }
            w.WriteStartObject();
            Str("tool", "urbansim");
            Str("command", "evaluate");
            Str("tool_version", Manifest.ToolVersion);
            Str("git_commit", Manifest.GitCommit);
            Str("instruction_set", instructionSet);
            Str("scenario", scenarioPath);
            Str("scenario_sha256", Manifest.Sha256OfFile(scenarioFile));
            Str("design", designPath);
            Str("design_sha256", Manifest.Sha256OfFile(designFile));
            Str("run_key", runKey);
            w.WritePropertyName("seed"); w.WriteValue(scenario.Seed);
            w.WritePropertyName("columns"); w.WriteStartArray(); foreach (var c in design.Columns) w.WriteValue(c.Name); w.WriteEndArray();
            w.WritePropertyName("variants"); w.WriteStartArray(); foreach (var v in scenario.Variants) w.WriteValue(v.Name); w.WriteEndArray();
            Int("design_rows", design.Rows);
            Int("first_row", first + 1);
            Int("last_row", end);
            if (shard is { } slice) Str("shard", slice.ToString());
            Int("replications_per_row", reps);
            Int("threads", threads);
            Str("started_utc", started.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            Str("finished_utc", finished.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            w.WritePropertyName("wall_seconds"); w.WriteRawValue((finished - started).TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture));
            Manifest.WriteMachine(w);
            w.WritePropertyName("files");
            w.WriteStartObject();
            foreach (string file in files) Str(file, Manifest.Sha256OfFile(Path.Combine(outDir, file)));
            w.WriteEndObject();
            w.WriteEndObject();
        }
        AtomicFile.WriteAllText(Path.Combine(outDir, "manifest.json"), sb + "\n");
        return files;
    }

    /// <summary>
    /// Writes what one unsharded evaluation writes (results.csv, results_by_replication.csv when the shards were asked for it,
    /// columns.csv, manifest.json) from the shards' chunks, which cover every row exactly once. For merge.
    /// </summary>
    internal static void WriteMerged(string outDir, ShardRecord reference, string scenarioFile, Scenario scenario, Design design, IReadOnlyList<ChunkStore.Entry> entries,
        string runKey, DateTimeOffset started, string instructionSet)
    {
        int reps = reference.ReplicationsPerRow!.Value;
        var model = new DesignModel(scenario, design.Columns, reps);
        AtomicFile.WriteText(Path.Combine(outDir, ColumnsFile), w => WriteColumns(w, scenario, design, reps, reference.PerReplication));
        using (var results = new EvaluationResults(outDir, scenario, design, model, runKey, 0, reference.PerReplication))
        {
            foreach (var entry in entries) results.Add(entry);
            if (results.Next != design.Rows) throw new IOException($"the shards' chunks cover rows 1–{results.Next}, not all {design.Rows} (is something else writing to the folders?)");
        }
        WriteManifest(outDir, reference.ScenarioPath, scenarioFile, reference.DesignPath!, reference.DesignFullPath!, scenario, design, reps, reference.PerReplication,
            runKey, 0, design.Rows, null, threads: 1, started, instructionSet);
    }
}
