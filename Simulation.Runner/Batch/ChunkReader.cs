using System.Runtime.InteropServices;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;

namespace UrbanSim.Runner.Batch;

/// <summary>
/// Reads and verifies chunk files into buffers it reuses, so folding a million replications does not
/// churn the heap: the chunk it returns is valid until the next read.
/// </summary>
/// <param name="outcomes">The outcome catalogue the chunks were written with (the standard one unless extended in code).</param>
internal sealed class ChunkReader(OutcomeCatalogue? outcomes = null)
{
    private byte[] _bytes = [];
    private double[] _rows = [];

    /// <summary>What a chunk says of itself once verified (for <see cref="ChunkStore"/> and merge); null with a reason when damaged.</summary>
    public ChunkHeader? Probe(string path, out string? problem) =>
        TryRead(path, out problem) is { } c ? new ChunkHeader(c.RunKey, c.First, c.End, Chunk.Shape(c.Layout)) : null;

    /// <summary>Reads and verifies a chunk; null with a reason when it is damaged or not a chunk.</summary>
    public Chunk? TryRead(string path, out string? problem)
    {
        int bodyLength = ChecksummedFile.TryRead(path, "USIMCHNK"u8, "an UrbanSim chunk file", ref _bytes, out problem);
        if (bodyLength < 0) return null;
        var body = _bytes.AsSpan(0, bodyLength);
        try
        {
            using var r = new BinaryReader(new MemoryStream(_bytes, 0, bodyLength, writable: false));
            r.ReadBytes(Chunk.Magic.Length);
            int version = r.ReadInt32();
            if (version != Chunk.FormatVersion) { problem = $"chunk format {version}, this urbansim reads format {Chunk.FormatVersion}"; return null; }
            string runKey = r.ReadString();
            int first = r.ReadInt32(), count = r.ReadInt32();
            int variants = r.ReadInt32(), years = r.ReadInt32(), zones = r.ReadInt32(), uncertain = r.ReadInt32(), regions = r.ReadInt32(), firms = r.ReadInt32();
            var layout = new RecordLayout(variants, years, zones, outcomes ?? ModelCatalogue.Standard.Outcomes, uncertain, regions, firms);
            int values = checked(count * layout.Width);
            if (_rows.Length < values) _rows = new double[Math.Max(values, _rows.Length * 5 / 4)];
            int position = (int)r.BaseStream.Position;
            MemoryMarshal.Cast<byte, double>(body.Slice(position, checked(values * sizeof(double)))).CopyTo(_rows);
            position += values * sizeof(double);
            var sums = new ZoneSums(layout.Variants, layout.Zones) { Replications = BitConverter.ToInt64(body.Slice(position, sizeof(long))) };
            position += sizeof(long);
            int zoneBytes = checked(sums.Sums.Length * sizeof(long));
            MemoryMarshal.Cast<byte, long>(body.Slice(position, zoneBytes)).CopyTo(sums.Sums);
            if (position + zoneBytes != body.Length) { problem = "unexpected bytes after the data"; return null; }
            return new Chunk { RunKey = runKey, First = first, Layout = layout, Rows = _rows, Count = count, Zones = sums };
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or OverflowException or ArgumentException)
        {
            problem = "malformed chunk contents";
            return null;
        }
    }
}
