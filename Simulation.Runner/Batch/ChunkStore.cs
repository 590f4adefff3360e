namespace UrbanSim.Runner.Batch;

/// <summary>What a verified chunk file says of itself: the run it belongs to, its range [first, end) and its shape as text.</summary>
internal readonly record struct ChunkHeader(string RunKey, int First, int End, string Shape);

/// <summary>Reads and verifies a chunk file's header; null with a reason when the file is damaged or not such a chunk.</summary>
internal delegate ChunkHeader? ChunkProbe(string path, out string? problem);

/// <summary>
/// The chunks of one run in a folder: the replications of <c>urbansim run</c> or the points of <c>urbansim
/// sensitivity</c>, whichever <paramref name="probe"/> reads. Finds which items are already done (valid chunks of
/// this run), which are missing, and sets aside files that are damaged or from another run, saying why.
/// </summary>
internal sealed class ChunkStore(string directory, string runKey, string shape, ChunkProbe probe, string items = "replications")
{
    /// <summary>The chunks of a Monte Carlo run whose replications have <paramref name="layout"/>.</summary>
    public static ChunkStore ForRun(string directory, string runKey, RecordLayout layout) =>
        new(directory, runKey, Chunk.Shape(layout), new ChunkReader().Probe);

    /// <summary>Replications per chunk when running; a Ctrl-C loses at most the block in flight, not a chunk.</summary>
    public const int ChunkReplications = 256;

    public string Directory { get; } = directory;

    /// <summary>A valid chunk found on disk: its file and replication range.</summary>
    public sealed record Entry(string Path, int First, int End);

    /// <summary>
    /// Valid chunks of this run, sorted by first replication and without overlaps, limited to replications
    /// below <paramref name="total"/>; <paramref name="notes"/> gets one line per file set aside.
    /// </summary>
    public List<Entry> Scan(int total, List<string> notes)
    {
        var found = new List<Entry>();
        if (!System.IO.Directory.Exists(Directory)) return found;
        foreach (string path in System.IO.Directory.EnumerateFiles(Directory, "*" + Chunk.Extension).Order(StringComparer.Ordinal))
        {
            if (probe(path, out string? problem) is not { } chunk) { notes.Add($"{path}: {problem}; its {items} will be recomputed"); continue; }
            if (chunk.RunKey != runKey) { notes.Add($"{path}: from a different scenario, seed or urbansim version{(items == "points" ? " (or another --samples)" : "")}; ignored"); continue; }
            if (chunk.Shape != shape) { notes.Add($"{path}: different shape ({chunk.Shape}, not {shape}); ignored"); continue; }
            if (chunk.End > total) { notes.Add($"{path}: {items} beyond the {total} asked for; ignored"); continue; }
            // A chunk is found by what it says of itself, but written by its name: one under another range's name would be
            // overwritten when that range is computed. Give it its own name, or leave it out when that name is taken.
            string proper = System.IO.Path.Combine(Directory, Chunk.FileName(chunk.First, chunk.End));
            if (System.IO.Path.GetFileName(path) != Chunk.FileName(chunk.First, chunk.End))
            {
                if (File.Exists(proper)) { notes.Add($"{path}: holds {items} {chunk.First}–{chunk.End - 1}, which {proper} also holds; ignored"); continue; }
                File.Move(path, proper);
                notes.Add($"{path}: holds {items} {chunk.First}–{chunk.End - 1}; renamed {Chunk.FileName(chunk.First, chunk.End)}");
            }
            found.Add(new Entry(proper, chunk.First, chunk.End));
        }
        found.Sort((a, b) => a.First != b.First ? a.First.CompareTo(b.First) : b.End.CompareTo(a.End));
        var kept = new List<Entry>();
        int covered = 0;
        foreach (var entry in found)
        {
            if (entry.First < covered) { notes.Add($"{entry.Path}: overlaps {items} already covered; ignored"); continue; }
            kept.Add(entry);
            covered = entry.End;
        }
        return kept;
    }

    /// <summary>
    /// Gets the folder ready to compute [first, end) of <paramref name="total"/> items: clears it unless resuming, scans
    /// it (printing a note for each file set aside) and returns the valid chunks found and the ranges still to compute.
    /// </summary>
    public (List<Entry> Found, List<(int First, int End)> Missing) Prepare(bool resume, int total, int first, int end, TextWriter stderr)
    {
        if (!resume) Clear();
        var notes = new List<string>();
        var found = new List<Entry>();
        foreach (var entry in Scan(total, notes))
        {
            if (entry.First >= first && entry.End <= end) { found.Add(entry); continue; }
            // Left by another shard of the same run in this folder: merge would refuse the folder with it in.
            File.Delete(entry.Path);
            notes.Add($"{entry.Path}: {items} {entry.First}–{entry.End - 1}, outside this shard's {first}–{end - 1} (left by another shard in this folder); removed, so the folder holds only this shard's {items}");
        }
        foreach (string note in notes) stderr.WriteLine(note);
        return (found, Missing(found, first, end));
    }

    /// <summary>What a resumed run says it will do: how many of its <paramref name="size"/> items are done, and what comes next.</summary>
    public string ResumeLine(int size, int toDo, string whenAllDone) =>
        toDo == 0 ? $"Resuming: all {size:N0} {items} are already done; {whenAllDone}."
        : toDo == size ? $"Resuming: none of the {size:N0} {items} is done yet; computing all of them."
        : $"Resuming: {size - toDo:N0} of {size:N0} {items} already done; computing {toDo:N0}.";

    /// <summary>The ranges [first, end) of 0..total not covered by <paramref name="done"/> (sorted, non-overlapping).</summary>
    public static List<(int First, int End)> Missing(IReadOnlyList<Entry> done, int total) => Missing(done, 0, total);

    /// <summary>The ranges within [first, end) not covered by <paramref name="done"/> (sorted, non-overlapping).</summary>
    public static List<(int First, int End)> Missing(IReadOnlyList<Entry> done, int first, int end)
    {
        var gaps = new List<(int, int)>();
        int next = first;
        foreach (var entry in done)
        {
            if (entry.End <= next || entry.First >= end) continue;
            if (entry.First > next) gaps.Add((next, entry.First));
            next = Math.Max(next, entry.End);
        }
        if (next < end) gaps.Add((next, end));
        return gaps;
    }

    /// <summary>How many of [first, end) <paramref name="done"/> covers.</summary>
    public static int Covered(IReadOnlyList<Entry> done, int first, int end) => end - first - Missing(done, first, end).Sum(g => g.End - g.First);

    /// <summary>Removes every chunk file (and leftover temporary files) from the folder.</summary>
    public void Clear()
    {
        if (!System.IO.Directory.Exists(Directory)) return;
        foreach (string path in System.IO.Directory.EnumerateFiles(Directory))
            if (path.EndsWith(Chunk.Extension, StringComparison.Ordinal) || path.EndsWith(Chunk.Extension + ".tmp", StringComparison.Ordinal))
                File.Delete(path);
    }
}
