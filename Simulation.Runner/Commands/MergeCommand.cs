using UrbanSim.Core.Scenarios;
using UrbanSim.Runner.Batch;
using UrbanSim.Runner.Output;

namespace UrbanSim.Runner.Commands;

/// <summary>
/// <c>urbansim merge DIR... --out DIR</c>: combines the output folders of <c>urbansim run --shard K/N</c>
/// into the same outputs a single run writes (byte-identical apart from the manifest's timings). It refuses,
/// writing nothing, shards of different runs (scenario, seed, replications or tool version), slices that
/// overlap or leave replications out, and damaged chunk files.
/// </summary>
public static class MergeCommand
{
    public static int Run(IReadOnlyList<string> shardDirs, string outDir, TextWriter stdout, TextWriter stderr)
    {
        var started = DateTimeOffset.UtcNow;
        if (shardDirs.Count == 0) return Refuse(stderr, "no shard folders given; usage: urbansim merge <shard folder>... --out <folder>");

        // 1. Every folder holds a readable shard record.
        var shards = new List<(string Dir, ShardRecord Record)>();
        foreach (string dir in shardDirs)
        {
            var record = ShardRecord.TryRead(dir, out string? problem);
            if (record is null) return Refuse(stderr, problem!);
            shards.Add((dir, record));
        }

        // 2. All of the same run.
        var (firstDir, reference) = shards[0];
        foreach (var (dir, r) in shards.Skip(1))
        {
            string? field =
                r.RunKey != reference.RunKey ? "run_key (scenario content, seed or urbansim version)"
                : r.ScenarioSha256 != reference.ScenarioSha256 ? "scenario_sha256 (the scenario file)"
                : r.Seed != reference.Seed ? "seed"
                : r.ToolVersion != reference.ToolVersion ? "tool_version"
                : r.Replications != reference.Replications ? "replications"
                : r.Shards != reference.Shards ? "shards (N in --shard K/N)"
                : null;
            // The run key covers the seed and version, so name the plainer field when that is what differs.
            if (field is not null && r.Seed != reference.Seed) field = "seed";
            else if (field is not null && r.ToolVersion != reference.ToolVersion) field = "tool_version";
            if (field is not null)
                return Refuse(stderr, $"{firstDir} and {dir} are shards of different runs: their {field} differ; merge only the shards of one 'urbansim run --shard' study");
        }

        // 3. The slices cover 0..R exactly once.
        int total = reference.Replications;
        var ordered = shards.OrderBy(s => s.Record.First).ThenBy(s => s.Record.End).ToList();
        int next = 0;
        string? previous = null;
        var gaps = new List<string>();
        foreach (var (dir, r) in ordered)
        {
            if (r.First < next)
                return Refuse(stderr, $"{previous} and {dir} overlap: both hold replications {r.First}–{Math.Min(next, r.End) - 1} (shards {ShardOf(shards, previous!)} and {r.Shard}/{r.Shards}); give each shard once");
            if (r.First > next) gaps.Add($"{next}–{r.First - 1}");
            next = r.End;
            previous = dir;
        }
        if (next < total) gaps.Add($"{next}–{total - 1}");
        if (gaps.Count > 0)
        {
            var present = shards.Select(s => s.Record.Shard).ToHashSet();
            var absent = Enumerable.Range(1, reference.Shards).Where(k => !present.Contains(k)).Select(k => $"{k}/{reference.Shards}");
            return Refuse(stderr, $"replications {string.Join(", ", gaps)} of {total} are in none of the folders given (missing shard(s) {string.Join(", ", absent)}); add their folders");
        }

        // 4. Every chunk intact and every shard complete.
        var layoutFree = new ChunkReader();
        var entries = new List<ChunkStore.Entry>();
        foreach (var (dir, r) in ordered)
        {
            string chunksDir = Path.Combine(dir, RunCommand.ChunksFolder);
            var mine = new List<ChunkStore.Entry>();
            var files = Directory.Exists(chunksDir)
                ? Directory.EnumerateFiles(chunksDir, "*" + Chunk.Extension).Order(StringComparer.Ordinal).ToList()
                : [];
            foreach (string path in files)
            {
                var chunk = layoutFree.TryRead(path, out string? problem);
                if (chunk is null) return Refuse(stderr, $"{path}: {problem}; recompute it with: urbansim run {r.ScenarioPath} --shard {r.Shard}/{r.Shards} --out {dir} --resume");
                if (chunk.RunKey != r.RunKey) return Refuse(stderr, $"{path}: a chunk of a different run than {dir}/{ShardRecord.FileName} says");
                if (chunk.First < r.First || chunk.End > r.End) return Refuse(stderr, $"{path}: replications {chunk.First}–{chunk.End - 1} lie outside shard {r.Shard}/{r.Shards} ({r.First}–{r.End - 1})");
                mine.Add(new ChunkStore.Entry(path, chunk.First, chunk.End));
            }
            mine.Sort((a, b) => a.First.CompareTo(b.First));
            int covered = r.First;
            foreach (var e in mine)
            {
                if (e.First < covered) return Refuse(stderr, $"{e.Path}: overlaps another chunk of {dir}; rerun that shard without --resume");
                covered = e.End;
            }
            var missing = ChunkStore.Missing(mine, r.First, r.End);
            if (missing.Count > 0)
                return Refuse(stderr, $"{dir}: shard {r.Shard}/{r.Shards} is incomplete (replications {string.Join(", ", missing.Select(g => $"{g.First}–{g.End - 1}"))} missing); finish it with: urbansim run {r.ScenarioPath} --shard {r.Shard}/{r.Shards} --out {dir} --resume");
            entries.AddRange(mine);
        }

        // 5. The scenario the shards ran, unchanged.
        string scenarioFile = reference.ScenarioFullPath;
        if (!File.Exists(scenarioFile)) return Refuse(stderr, $"{scenarioFile}: the scenario the shards ran is not there any more; merge needs it (put it back)");
        if (Manifest.Sha256OfFile(scenarioFile) != reference.ScenarioSha256)
            return Refuse(stderr, $"{scenarioFile}: changed since the shards ran (SHA-256 differs); restore the version they ran");
        var loaded = ScenarioLoader.LoadFile(scenarioFile);
        if (!loaded.IsValid) return Refuse(stderr, $"{scenarioFile}: no longer valid ({loaded.Problems.Count} problem(s)); run 'urbansim validate {scenarioFile}'");
        var scenario = loaded.Scenario! with { Replications = total, Seed = reference.Seed };
        string runKey = RunKey.For(scenario);
        if (runKey != reference.RunKey)
            return Refuse(stderr, $"the shards were made by a different urbansim version or with different zone data than this one (run key differs); merge with the urbansim that ran them ({reference.ToolVersion})");

        // 6. Write: the same fold as a single run.
        try { Directory.CreateDirectory(outDir); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"{outDir}: cannot create the output folder ({e.Message.TrimEnd('.')}); nothing was written.");
            return ExitCodes.Usage;
        }
        if (BatchCharts.MissingFontWarning() is { } warning) stderr.WriteLine(warning);
        BatchAccumulator batch;
        try { batch = BatchOutputs.Write(outDir, reference.ScenarioPath, scenario, entries, threads: 1, started, runKey, scenarioFile); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"{outDir}: writing failed: {e.Message.TrimEnd('.')}. Is the disk full? Every file written is whole (written to a temporary name and renamed); free some space and merge again.");
            return ExitCodes.WriteFailed;
        }
        stdout.WriteLine($"Merged {shards.Count} shard(s), {batch.Replications:N0} replications of {scenario.Name}; seed {scenario.Seed}");
        stdout.WriteLine($"Wrote {outDir}/: summary.json, replications.csv, timeseries.csv, zones.csv, charts/, manifest.json");
        return ExitCodes.Ok;
    }

    private static string ShardOf(List<(string Dir, ShardRecord Record)> shards, string dir)
    {
        var r = shards.First(s => s.Dir == dir).Record;
        return $"{r.Shard}/{r.Shards}";
    }

    private static int Refuse(TextWriter stderr, string message)
    {
        stderr.WriteLine($"merge refused: {message}. Nothing was written.");
        return ExitCodes.InvalidInput;
    }
}
