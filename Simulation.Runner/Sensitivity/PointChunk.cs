using System.Runtime.InteropServices;
using UrbanSim.Runner.Batch;

namespace UrbanSim.Runner.Sensitivity;

/// <summary>
/// A checksummed file holding the model's outputs at a contiguous range of a sensitivity analysis's points (the
/// global list of <see cref="SensitivityDesign"/>): one row of <see cref="Outputs"/> doubles per point, exact bits.
/// Written like a run's <see cref="Chunk"/> (temporary file, flushed, renamed; SHA-256 at the end), in the same
/// <c>chunks/</c> folder and with the same file names, but with its own magic so the two are never confused.
/// </summary>
internal sealed class PointChunk
{
    private const string Magic = "USIMPNTS";
    private const int FormatVersion = 1;
    /// <summary>Points per chunk: a kill loses at most this many evaluations (one block of <see cref="ParallelEvaluator"/>).</summary>
    public const int ChunkPoints = ParallelEvaluator.BlockSize;

    public required string RunKey { get; init; }
    public required int First { get; init; }
    public required int Outputs { get; init; }
    /// <summary>Outputs [point * Outputs + output], point counted from <see cref="First"/>.</summary>
    public required double[] Values { get; init; }

    public int Count => Values.Length / Outputs;
    public int End => First + Count;

    /// <summary>How the shape of a point chunk reads in a note.</summary>
    public static string Shape(int outputs) => $"{outputs} output(s) per point";

    /// <summary>Writes the chunk into <paramref name="directory"/> atomically; returns its path.</summary>
    public string Write(string directory)
    {
        string path = Path.Combine(directory, Chunk.FileName(First, End));
        ChecksummedFile.Write(path, hashing =>
        {
            using var w = new BinaryWriter(hashing, System.Text.Encoding.UTF8, leaveOpen: true);
            w.Write(System.Text.Encoding.ASCII.GetBytes(Magic));
            w.Write(FormatVersion);
            w.Write(RunKey);
            w.Write(First); w.Write(Count); w.Write(Outputs);
            w.Flush();
            hashing.Write(MemoryMarshal.AsBytes(Values.AsSpan()));
        });
        return path;
    }

    /// <summary>Reads and verifies a point chunk; null with a reason when it is damaged or not a point chunk.</summary>
    public static PointChunk? TryRead(string path, out string? problem)
    {
        byte[] bytes = [];
        int bodyLength = ChecksummedFile.TryRead(path, "USIMPNTS"u8, "an UrbanSim sensitivity chunk file", ref bytes, out problem);
        if (bodyLength < 0) return null;
        try
        {
            using var r = new BinaryReader(new MemoryStream(bytes, 0, bodyLength, writable: false));
            r.ReadBytes(Magic.Length);
            int version = r.ReadInt32();
            if (version != FormatVersion) { problem = $"sensitivity chunk format {version}, this urbansim reads format {FormatVersion}"; return null; }
            string runKey = r.ReadString();
            int first = r.ReadInt32(), count = r.ReadInt32(), outputs = r.ReadInt32();
            int position = (int)r.BaseStream.Position;
            int valueBytes = checked(count * outputs * sizeof(double));
            if (outputs < 1 || count < 1 || position + valueBytes != bodyLength) { problem = "malformed sensitivity chunk contents"; return null; }
            var values = MemoryMarshal.Cast<byte, double>(bytes.AsSpan(position, valueBytes)).ToArray();
            return new PointChunk { RunKey = runKey, First = first, Outputs = outputs, Values = values };
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or OverflowException or ArgumentException)
        {
            problem = "malformed sensitivity chunk contents";
            return null;
        }
    }

    /// <summary>What a point chunk says of itself once verified; null with a reason when damaged.</summary>
    public static ChunkHeader? Probe(string path, out string? problem) =>
        TryRead(path, out problem) is { } c ? new ChunkHeader(c.RunKey, c.First, c.End, Shape(c.Outputs)) : null;

    /// <summary>The point chunks of one analysis in a folder.</summary>
    public static ChunkStore Store(string directory, string runKey, int outputs) => new(directory, runKey, Shape(outputs), Probe, "points");

    /// <summary>
    /// Evaluates the points of the <paramref name="missing"/> ranges in chunks of <see cref="ChunkPoints"/>, writing
    /// each chunk as soon as it is done; stops between chunks when <paramref name="cancellation"/> fires. Returns the
    /// chunks written, in order.
    /// </summary>
    public static List<ChunkStore.Entry> EvaluateMissing(ISensitivityModel model, SensitivityDesign design, IEnumerable<(int First, int End)> missing,
        string runKey, string directory, int threads, Action<int>? advance, CancellationToken cancellation) =>
        EvaluateMissing(model, design.Points, ChunkPoints, missing, runKey, directory, threads, advance, cancellation);

    /// <summary>
    /// As above for any list of points: <paramref name="points"/> gives the coordinates of points [first, end), and
    /// <paramref name="written"/> hears of each chunk as soon as it is on disk (to stream results from it).
    /// </summary>
    public static List<ChunkStore.Entry> EvaluateMissing(ISensitivityModel model, Func<int, int, double[]> points, int chunkPoints,
        IEnumerable<(int First, int End)> missing, string runKey, string directory, int threads, Action<int>? advance, CancellationToken cancellation,
        Action<ChunkStore.Entry>? written = null)
    {
        var done = new List<ChunkStore.Entry>();
        foreach (var (gapFirst, gapEnd) in missing)
            for (int first = gapFirst; first < gapEnd && !cancellation.IsCancellationRequested; first += chunkPoints)
            {
                int end = Math.Min(first + chunkPoints, gapEnd);
                var values = ParallelEvaluator.Evaluate(model, points(first, end), threads, advance);
                var chunk = new PointChunk { RunKey = runKey, First = first, Outputs = model.Outputs.Count, Values = values };
                var entry = new ChunkStore.Entry(chunk.Write(directory), first, end);
                done.Add(entry);
                written?.Invoke(entry);
            }
        return done;
    }

    /// <summary>
    /// The outputs at all <paramref name="points"/> points, [point * outputs + output], read from chunks that cover
    /// them exactly once (as <see cref="ChunkStore.Scan"/> or merge found them).
    /// </summary>
    /// <exception cref="IOException">A chunk that was valid moments ago no longer is, or is no longer this analysis's.</exception>
    public static double[] Load(IReadOnlyList<ChunkStore.Entry> chunks, int points, int outputs, string runKey)
    {
        var values = new double[checked(points * outputs)];
        foreach (var entry in chunks)
        {
            var chunk = TryRead(entry.Path, out string? problem)
                        ?? throw new IOException($"{entry.Path}: {problem} (it was valid moments ago; is something else writing to the folder?)");
            // Checked again on every read: the file must still be the chunk of this analysis and range that was found.
            if (chunk.RunKey != runKey || chunk.First != entry.First || chunk.End != entry.End || chunk.Outputs != outputs || chunk.End > points)
                throw new IOException($"{entry.Path}: no longer the chunk of this analysis's points {entry.First}–{entry.End - 1} (is something else writing to the folder?)");
            chunk.Values.CopyTo(values.AsSpan(chunk.First * outputs));
        }
        return values;
    }
}
