using UrbanSim.Core.Scenarios;
using UrbanSim.Runner.Output;

namespace UrbanSim.Runner.Batch;

/// <summary>
/// Folds a run's chunks, in replication order, into the output files. Every file is written to a
/// temporary name and renamed; manifest.json comes last and lists the SHA-256 of every other file.
/// The outputs depend only on the replications present, not on threads, chunk boundaries or resumes.
/// </summary>
internal static class BatchOutputs
{
    public static readonly string[] DataFiles = ["summary.json", "summary.csv", "replications.csv", "timeseries.csv", "differences.csv", "zones.csv", "agents.csv", "columns.csv"];

    /// <param name="scenarioFile">Where to read the scenario for its SHA-256 when <paramref name="scenarioPath"/> (as recorded) is not readable from here (merge).</param>
    /// <param name="instructionSet">The instruction set the chunks were computed with, when not this machine's (merge).</param>
    public static BatchAccumulator Write(string outDir, string scenarioPath, Scenario scenario, IReadOnlyList<ChunkStore.Entry> chunks,
        int threads, DateTimeOffset started, string runKey, string? scenarioFile = null, string? instructionSet = null) =>
        WriteFolded(outDir, scenarioPath, scenario, Fold(outDir, scenario, chunks, runKey), threads, started, runKey, scenarioFile, instructionSet);

    /// <summary>
    /// Folds the chunks, in the order given (replication order), into a batch and writes <c>replications.csv</c>; the
    /// chunks may arrive while they are being written (<see cref="BackgroundFold"/>).
    /// </summary>
    public static BatchAccumulator Fold(string outDir, Scenario scenario, IEnumerable<ChunkStore.Entry> chunks, string runKey)
    {
        var layout = RecordLayout.For(scenario);
        var batch = new BatchAccumulator(layout);
        AtomicFile.WriteText(Path.Combine(outDir, "replications.csv"), w =>
        {
            var csv = new ReplicationsCsv(w, scenario, layout);
            csv.WriteHeader();
            var reader = new ChunkReader();
            foreach (var entry in chunks)
            {
                var chunk = reader.TryRead(entry.Path, out string? problem)
                            ?? throw new IOException($"{entry.Path}: {problem} (it was valid moments ago; is something else writing to the folder?)");
                // Checked again on every read: the file must still be the chunk of this run and range that was found.
                if (chunk.RunKey != runKey || chunk.First != entry.First || chunk.End != entry.End || Chunk.Shape(chunk.Layout) != Chunk.Shape(layout))
                    throw new IOException($"{entry.Path}: no longer the chunk of this run's replications {entry.First}–{entry.End - 1} (is something else writing to the folder?)");
                for (int i = 0; i < chunk.Count; i++)
                {
                    batch.Add(chunk.First + i, chunk.Row(i));
                    csv.WriteReplication(chunk.First + i, chunk.Row(i));
                }
                batch.Zones.Add(chunk.Zones);
            }
        });
        return batch;
    }

    /// <summary>Writes every output but <c>replications.csv</c> from a folded batch, and the manifest last.</summary>
    public static BatchAccumulator WriteFolded(string outDir, string scenarioPath, Scenario scenario, BatchAccumulator batch,
        int threads, DateTimeOffset started, string runKey, string? scenarioFile = null, string? instructionSet = null)
    {
        // The folded batch is only read from here on: the files and the charts are written at once, on every core, and
        // each file is hashed for the manifest as soon as it is written (replications.csv, written by the fold, at once).
        IReadOnlyList<string> charts = [];
        var sha256 = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        void Hash(string file) => sha256[file] = Manifest.Sha256OfFile(Path.Combine(outDir, file));
        Action Text(string file, Action<TextWriter> write) => () => { AtomicFile.WriteText(Path.Combine(outDir, file), write); Hash(file); };
        Concurrently.Invoke(
            () =>
            {
                charts = BatchCharts.Write(outDir, scenario, batch);
                Concurrently.ForEach(charts, chart => Hash(BatchCharts.Folder + "/" + chart));
            },
            () => Hash("replications.csv"),
            () => { AtomicFile.WriteAllText(Path.Combine(outDir, "summary.json"), SummaryWriter.ToJson(scenario, batch, scenario.Replications)); Hash("summary.json"); },
            Text("summary.csv", w => SummaryCsv.Write(w, scenario, batch)),
            Text("timeseries.csv", w => TimeseriesCsv.Write(w, scenario, batch)),
            Text("differences.csv", w => DifferencesCsv.Write(w, scenario, batch)),
            Text("zones.csv", w => ZonesCsv.Write(w, scenario, batch)),
            Text("agents.csv", w => AgentsCsv.Write(w, scenario, batch)),
            Text("columns.csv", w => ColumnsCsv.Write(w, scenario)));
        var files = DataFiles.Concat(charts.Select(c => BatchCharts.Folder + "/" + c)).Select(f => (f, sha256[f])).ToList();
        var manifest = new Manifest
        {
            ScenarioPath = scenarioPath,
            ScenarioSha256 = Manifest.Sha256OfFile(scenarioFile ?? scenarioPath),
            RunKey = runKey,
            Seed = scenario.Seed,
            Replications = scenario.Replications,
            ReplicationsDone = batch.Replications,
            Threads = threads,
            Started = started,
            Finished = DateTimeOffset.UtcNow,
            Files = files,
            InstructionSet = instructionSet ?? Core.Numerics.InstructionSet.Current,
            Scenario = scenario,
        };
        AtomicFile.WriteAllText(Path.Combine(outDir, "manifest.json"), manifest.ToJson());
        return batch;
    }
}
