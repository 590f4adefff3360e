using UrbanSim.Core.Scenarios;
using UrbanSim.Runner.Batch;
using UrbanSim.Runner.Output;
using UrbanSim.Runner.Sensitivity;

namespace UrbanSim.Runner.Commands;

/// <summary>
/// <c>urbansim merge DIR... --out DIR</c>: combines the output folders of <c>urbansim run --shard K/N</c> into the
/// same outputs a single run writes, or those of <c>urbansim sensitivity --shard K/N</c> into the same outputs a
/// single analysis writes (byte-identical apart from the manifest's timings and threads). It refuses, writing
/// nothing, a mix of run and sensitivity shards, shards of different studies (scenario, seed, replications or
/// samples, tool version), slices that overlap or leave replications or points out, and damaged chunk files; and
/// shards computed with different vector instruction sets (results are byte-identical only on one), unless told to
/// allow it, when the manifest records the mix.
/// </summary>
internal static class MergeCommand
{
    public static int Run(IReadOnlyList<string> shardDirs, string outDir, TextWriter stdout, TextWriter stderr, bool allowMixedInstructionSets = false)
    {
        var started = DateTimeOffset.UtcNow;
        if (shardDirs.Count == 0) return Refuse(stderr, "no shard folders given; usage: urbansim merge <shard folder>... --out <folder>");

        // 0. No shard folder is being written while it is read (shared locks, held until the merge ends), and none is the output.
        string fullOut = Path.GetFullPath(outDir).TrimEnd(Path.DirectorySeparatorChar);
        if (shardDirs.FirstOrDefault(d => Path.GetFullPath(d).TrimEnd(Path.DirectorySeparatorChar) == fullOut) is { } same)
            return Refuse(stderr, $"--out {outDir} is also a shard folder ({same}); merge into a new folder");
        var readLocks = new List<OutputFolder>();
        try
        {
            foreach (string dir in shardDirs)
            {
                if (!Directory.Exists(dir)) continue;   // step 1 names it
                OutputFolder? shared;
                string? busy;
                // A shard folder this user may not write to cannot hold a lock file, and no urbansim of theirs can be writing it.
                try { shared = OutputFolder.TryLock(dir, exclusive: false, out busy); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
                if (shared is null)
                {
                    stderr.WriteLine($"merge refused: shard folder {busy}; merge it when that command has finished. Nothing was written.");
                    return ExitCodes.FolderInUse;
                }
                readLocks.Add(shared);
            }
            return Merge(shardDirs, outDir, stdout, stderr, allowMixedInstructionSets, started);
        }
        finally
        {
            foreach (var held in readLocks) held.Dispose();
        }
    }

    private static int Merge(IReadOnlyList<string> shardDirs, string outDir, TextWriter stdout, TextWriter stderr, bool allowMixedInstructionSets, DateTimeOffset started)
    {
        // 1. Every folder holds a readable shard record.
        var shards = new List<(string Dir, ShardRecord Record)>();
        foreach (string dir in shardDirs)
        {
            var record = ShardRecord.TryRead(dir, out string? problem);
            if (record is null) return Refuse(stderr, problem!);
            shards.Add((dir, record));
        }

        // 2. All of the same study.
        var (firstDir, reference) = shards[0];
        foreach (var (dir, r) in shards.Skip(1))
        {
            if (r.Kind != reference.Kind)
                return Refuse(stderr, $"{firstDir} is a shard of 'urbansim {reference.Command}' and {dir} of 'urbansim {r.Command}'; merge the shards of one study at a time");
            if (DifferingField(reference, r) is { } field)
                return Refuse(stderr, $"{firstDir} and {dir} are shards of different studies: their {field} differ; merge only the shards of one 'urbansim {r.Command} --shard' study");
        }

        // The same vector instruction set, or a deliberate mix.
        var instructionSets = shards.Select(s => s.Record.InstructionSet).Distinct(StringComparer.Ordinal).ToList();
        if (instructionSets.Count > 1 && !allowMixedInstructionSets)
        {
            string which = string.Join("; ", shards.Select(s => $"{s.Dir}: {s.Record.InstructionSet}"));
            return Refuse(stderr, $"the shards were computed with different vector instruction sets ({which}), and results are byte-identical only on one; rerun the odd shards on machines like the others, or merge anyway with --allow-mixed-instruction-sets (the manifest then records the mix)");
        }
        string instructionSet = instructionSets.Count == 1 ? instructionSets[0] : "mixed: " + string.Join("; ", instructionSets);

        // 3. The slices cover 0..total exactly once.
        if (Coverage(shards, reference) is { } coverageProblem) return Refuse(stderr, coverageProblem);

        // 4. Every chunk intact and every shard complete.
        ChunkProbe probe = reference.Kind == ShardKind.Run ? new ChunkReader().Probe : PointChunk.Probe;
        var entries = new List<ChunkStore.Entry>();
        foreach (var (dir, r) in shards.OrderBy(s => s.Record.First))
        {
            if (ShardChunks(dir, r, probe, entries) is { } chunkProblem) return Refuse(stderr, chunkProblem);
        }

        // 5. The scenario the shards ran, unchanged.
        string scenarioFile = reference.ScenarioFullPath;
        if (!File.Exists(scenarioFile)) return Refuse(stderr, $"{scenarioFile}: the scenario the shards ran is not there any more; merge needs it (put it back)");
        // Read with the scenario's size cap: a tampered record naming /dev/zero or a huge file must not hang the merge.
        if (InputFile.TryReadBytes(scenarioFile, InputFile.MaxScenarioBytes, out string? unreadable) is not { } scenarioBytes)
            return Refuse(stderr, $"{scenarioFile} (scenario_full_path of {Path.Combine(firstDir, ShardRecord.FileName)}): {unreadable}; the shards' scenario is a JSON file of at most {InputFile.Size(InputFile.MaxScenarioBytes)}");
        if (Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(scenarioBytes)) != reference.ScenarioSha256)
            return Refuse(stderr, $"{scenarioFile}: changed since the shards ran (SHA-256 differs); restore the version they ran");
        var loaded = ScenarioLoader.LoadFile(scenarioFile);
        if (!loaded.IsValid) return Refuse(stderr, $"{scenarioFile}: no longer valid ({loaded.Problems.Count} problem(s)); run 'urbansim validate {scenarioFile}'");

        // 6. Write: the same fold or analysis as a single run.
        return reference.Kind switch
        {
            ShardKind.Run => MergeRun(loaded.Scenario!, reference, shards.Count, entries, scenarioFile, outDir, started, instructionSet, stdout, stderr),
            ShardKind.Sensitivity => MergeSensitivity(loaded.Scenario!, reference, shards.Count, entries, scenarioFile, outDir, started, instructionSet, stdout, stderr),
            _ => MergeEvaluation(loaded.Scenario!, reference, shards.Count, entries, scenarioFile, outDir, started, instructionSet, stdout, stderr),
        };
    }

    /// <summary>The field in which two shard records show different studies, named plainly; null when they agree.</summary>
    private static string? DifferingField(ShardRecord reference, ShardRecord r)
    {
        // The run key covers the seed, samples and version, so name the plainer field when that is what differs.
        if (r.Seed != reference.Seed) return "seed";
        if (r.ToolVersion != reference.ToolVersion) return "tool_version";
        if (r.Samples != reference.Samples) return "samples (--samples)";
        if (r.ReplicationsPerRow != reference.ReplicationsPerRow) return "replications_per_row (--reps)";
        if (r.DesignSha256 != reference.DesignSha256) return "design_sha256 (the design file)";
        if (r.PerReplication != reference.PerReplication) return "per_replication (--per-replication)";
        return r.RunKey != reference.RunKey ? "run_key (scenario content, seed or urbansim version)"
            : r.ScenarioSha256 != reference.ScenarioSha256 ? "scenario_sha256 (the scenario file)"
            : r.Total != reference.Total ? r.Items
            : r.Shards != reference.Shards ? "shards (N in --shard K/N)"
            : null;
    }

    /// <summary>Why the shards' slices do not cover 0..total exactly once (naming overlaps and missing shards); null when they do.</summary>
    private static string? Coverage(List<(string Dir, ShardRecord Record)> shards, ShardRecord reference)
    {
        int total = reference.Total;
        int next = 0;
        (string Dir, ShardRecord Record)? previous = null;
        var gaps = new List<string>();
        foreach (var (dir, r) in shards.OrderBy(s => s.Record.First).ThenBy(s => s.Record.End))
        {
            if (r.First < next)
                return $"{previous!.Value.Dir} and {dir} overlap: both hold {r.Items} {r.First}–{Math.Min(next, r.End) - 1} (shards {previous.Value.Record.Spec} and {r.Spec}); give each shard once";
            if (r.First > next) gaps.Add($"{next}–{r.First - 1}");
            next = r.End;
            previous = (dir, r);
        }
        if (next < total) gaps.Add($"{next}–{total - 1}");
        if (gaps.Count == 0) return null;
        var present = shards.Select(s => s.Record.Shard).ToHashSet();
        var absent = Enumerable.Range(1, reference.Shards).Where(k => !present.Contains(k)).Select(k => $"{k}/{reference.Shards}");
        return $"{reference.Items} {string.Join(", ", gaps)} of {total} are in none of the folders given (missing shard(s) {string.Join(", ", absent)}); add their folders";
    }

    /// <summary>
    /// Verifies the chunks of one shard and adds them to <paramref name="entries"/>; the problem when one is damaged,
    /// foreign or outside the slice, when two overlap, or when the slice is not complete.
    /// </summary>
    private static string? ShardChunks(string dir, ShardRecord r, ChunkProbe probe, List<ChunkStore.Entry> entries)
    {
        string chunksDir = Path.Combine(dir, RunCommand.ChunksFolder);
        var mine = new List<ChunkStore.Entry>();
        var files = Directory.Exists(chunksDir)
            ? Directory.EnumerateFiles(chunksDir, "*" + Chunk.Extension).Order(StringComparer.Ordinal).ToList()
            : [];
        foreach (string path in files)
        {
            if (probe(path, out string? problem) is not { } chunk) return $"{path}: {problem}; recompute it with: {r.ResumeCommand(dir)}";
            if (chunk.RunKey != r.RunKey) return $"{path}: a chunk of a different run than {dir}/{ShardRecord.FileName} says";
            if (chunk.First < r.First || chunk.End > r.End) return $"{path}: {r.Items} {chunk.First}–{chunk.End - 1} lie outside shard {r.Spec} ({r.First}–{r.End - 1})";
            mine.Add(new ChunkStore.Entry(path, chunk.First, chunk.End));
        }
        mine.Sort((a, b) => a.First.CompareTo(b.First));
        int covered = r.First;
        foreach (var e in mine)
        {
            if (e.First < covered) return $"{e.Path}: overlaps another chunk of {dir}; rerun that shard without --resume";
            covered = e.End;
        }
        var missing = ChunkStore.Missing(mine, r.First, r.End);
        if (missing.Count > 0)
            return $"{dir}: shard {r.Spec} is incomplete ({r.Items} {string.Join(", ", missing.Select(g => $"{g.First}–{g.End - 1}"))} missing); finish it with: {r.ResumeCommand(dir)}";
        entries.AddRange(mine);
        return null;
    }

    private static int MergeRun(Scenario loaded, ShardRecord reference, int shardCount, IReadOnlyList<ChunkStore.Entry> entries, string scenarioFile, string outDir,
        DateTimeOffset started, string instructionSet, TextWriter stdout, TextWriter stderr)
    {
        var scenario = loaded with { Replications = reference.Total, Seed = reference.Seed };
        string runKey = RunKey.For(scenario);
        if (runKey != reference.RunKey) return RefuseVersion(stderr, reference);
        using var folder = ClaimOutput(outDir, BatchOutputs.DataFiles, stderr, out int claimed);
        if (folder is null) return claimed;
        return Writing(outDir, stderr, () =>
        {
            var batch = BatchOutputs.Write(outDir, reference.ScenarioPath, scenario, entries, threads: 1, started, runKey, scenarioFile, instructionSet);
            stdout.WriteLine($"Merged {shardCount} shard(s), {batch.Replications:N0} replications of {scenario.Name}; seed {scenario.Seed}");
            stdout.WriteLine($"Wrote {outDir}/: {string.Join(", ", BatchOutputs.DataFiles)}, charts/, manifest.json");
        });
    }

    private static int MergeSensitivity(Scenario loaded, ShardRecord reference, int shardCount, IReadOnlyList<ChunkStore.Entry> entries, string scenarioFile, string outDir,
        DateTimeOffset started, string instructionSet, TextWriter stdout, TextWriter stderr)
    {
        var scenario = loaded with { Seed = reference.Seed };
        int samples = reference.Samples!.Value;
        var model = new ScenarioModel(scenario);
        var settings = SensitivitySettings.For(samples, scenario.Seed, threads: 1);
        var design = SensitivityDesign.Create(settings, model);
        string runKey = RunKey.ForSensitivity(scenario, samples, model.Factors.Select(f => f.Name), model.Outputs);
        if (runKey != reference.RunKey || design.Count != reference.Total) return RefuseVersion(stderr, reference);
        using var folder = ClaimOutput(outDir, SensitivityOutputs.DataFiles, stderr, out int claimed);
        if (folder is null) return claimed;
        return Writing(outDir, stderr, () =>
        {
            var values = PointChunk.Load(entries, design.Count, model.Outputs.Count, runKey);
            SensitivityCommand.AnalyseAndWrite(outDir, reference.ScenarioPath, scenarioFile, scenario, model, settings, design, values, runKey, threads: 1, started, stdout, instructionSet);
            stdout.WriteLine($"Merged {shardCount} shard(s), {design.Count:N0} points of the sensitivity analysis of {scenario.Name}; seed {scenario.Seed}");
            stdout.WriteLine($"Wrote {outDir}/: sobol.csv, morris.csv, samples.csv, surrogate.json, discovery.json, charts/, manifest.json");
        });
    }

    private static int MergeEvaluation(Scenario loaded, ShardRecord reference, int shardCount, IReadOnlyList<ChunkStore.Entry> entries, string scenarioFile, string outDir,
        DateTimeOffset started, string instructionSet, TextWriter stdout, TextWriter stderr)
    {
        var scenario = loaded with { Seed = reference.Seed };
        // The design the shards ran, unchanged, read with its size cap like the scenario.
        string designFile = reference.DesignFullPath!;
        if (!File.Exists(designFile)) return Refuse(stderr, $"{designFile}: the design the shards ran is not there any more; merge needs it (put it back)");
        if (InputFile.TryReadBytes(designFile, Evaluate.DesignFile.MaxBytes, out string? unreadable) is not { } designBytes)
            return Refuse(stderr, $"{designFile} (design_full_path of the shard records): {unreadable}");
        if (Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(designBytes)) != reference.DesignSha256)
            return Refuse(stderr, $"{designFile}: changed since the shards ran (SHA-256 differs); restore the version they ran");
        var design = Evaluate.DesignFile.Load(designFile, out _, out int problems);
        if (design is null) return Refuse(stderr, $"{designFile}: no longer a valid design ({problems} problem(s)); run the evaluation on it to see them");
        string runKey = EvaluateCommand.Key(scenario, design, reference.ReplicationsPerRow!.Value);
        if (runKey != reference.RunKey || design.Rows != reference.Total) return RefuseVersion(stderr, reference);
        using var folder = ClaimOutput(outDir, EvaluateCommand.DataFiles, stderr, out int claimed, charts: false);
        if (folder is null) return claimed;
        return Writing(outDir, stderr, () =>
        {
            EvaluateCommand.WriteMerged(outDir, reference, scenarioFile, scenario, design, entries, runKey, started, instructionSet);
            stdout.WriteLine($"Merged {shardCount} shard(s), {design.Rows:N0} design rows × {reference.ReplicationsPerRow} replication(s) of {scenario.Name}; seed {scenario.Seed}");
            stdout.WriteLine($"Wrote {outDir}/: {string.Join(", ", EvaluateCommand.DataFiles.Where(f => reference.PerReplication || f != Evaluate.EvaluationResults.ByReplicationFileName))}, manifest.json");
        });
    }

    private static int RefuseVersion(TextWriter stderr, ShardRecord reference) =>
        Refuse(stderr, $"the shards were made by a different urbansim version or with different zone data than this one (run key differs); merge with the urbansim that ran them ({reference.ToolVersion})");

    /// <summary>
    /// Creates the output folder and takes its lock (held by the caller until the merge is written), retiring an earlier
    /// command's outputs there, manifest first; null after printing why it cannot, with the exit code.
    /// </summary>
    private static OutputFolder? ClaimOutput(string outDir, IEnumerable<string> dataFiles, TextWriter stderr, out int exitCode, bool charts = true)
    {
        var folder = OutputFolder.Claim(outDir, stderr, out exitCode, withChunks: false);
        if (folder is null) return null;
        if (charts && BatchCharts.MissingFontWarning() is { } warning) stderr.WriteLine(warning);
        folder.RetirePreviousOutputs(dataFiles);
        return folder;
    }

    /// <summary>Runs <paramref name="write"/>, turning a write failure (a full disk, say) into a message and exit code.</summary>
    private static int Writing(string outDir, TextWriter stderr, Action write)
    {
        try { write(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"{outDir}: writing failed: {e.Message.TrimEnd('.')}. Is the disk full? Every file written is whole (written to a temporary name and renamed); free some space and merge again.");
            return ExitCodes.WriteFailed;
        }
        return ExitCodes.Ok;
    }

    private static int Refuse(TextWriter stderr, string message)
    {
        stderr.WriteLine($"merge refused: {message}. Nothing was written.");
        return ExitCodes.InvalidInput;
    }
}
