using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace UrbanSim.Runner.Batch;

/// <summary>
/// Reads and verifies chunk files into buffers it reuses, so folding a million replications does not
/// churn the heap: the chunk it returns is valid until the next read.
/// </summary>
public sealed class ChunkReader
{
    private byte[] _bytes = [];
    private double[] _rows = [];

    /// <summary>Reads and verifies a chunk; null with a reason when it is damaged or not a chunk.</summary>
    public Chunk? TryRead(string path, out string? problem)
    {
        problem = null;
        int length;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            if (stream.Length > int.MaxValue) { problem = "too large to be a chunk"; return null; }
            length = (int)stream.Length;
            if (_bytes.Length < length) _bytes = new byte[Math.Max(length, _bytes.Length * 5 / 4)];
            stream.ReadExactly(_bytes, 0, length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { problem = $"cannot read ({e.Message.TrimEnd('.')})"; return null; }

        var file = _bytes.AsSpan(0, length);
        if (length < Chunk.Magic.Length + 32 || !file[..Chunk.Magic.Length].SequenceEqual("USIMCHNK"u8))
        { problem = "not an UrbanSim chunk file"; return null; }
        var body = file[..^32];
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(body, hash);
        if (!hash.SequenceEqual(file[^32..])) { problem = "checksum mismatch: the file is damaged or was cut short"; return null; }
        try
        {
            using var r = new BinaryReader(new MemoryStream(_bytes, 0, length - 32, writable: false));
            r.ReadBytes(Chunk.Magic.Length);
            int version = r.ReadInt32();
            if (version != Chunk.FormatVersion) { problem = $"chunk format {version}, this urbansim reads format {Chunk.FormatVersion}"; return null; }
            string runKey = r.ReadString();
            int first = r.ReadInt32(), count = r.ReadInt32();
            var layout = new RecordLayout(r.ReadInt32(), r.ReadInt32(), r.ReadInt32());
            int values = checked(count * layout.Width);
            if (_rows.Length < values) _rows = new double[Math.Max(values, _rows.Length * 5 / 4)];
            int position = (int)r.BaseStream.Position;
            MemoryMarshal.Cast<byte, double>(body.Slice(position, checked(values * sizeof(double)))).CopyTo(_rows);
            position += values * sizeof(double);
            var zones = new ZoneSums(layout.Variants, layout.Zones) { Replications = BitConverter.ToInt64(body.Slice(position, sizeof(long))) };
            position += sizeof(long);
            int zoneBytes = checked(zones.Sums.Length * sizeof(long));
            MemoryMarshal.Cast<byte, long>(body.Slice(position, zoneBytes)).CopyTo(zones.Sums);
            if (position + zoneBytes != body.Length) { problem = "unexpected bytes after the data"; return null; }
            return new Chunk { RunKey = runKey, First = first, Layout = layout, Rows = _rows, Count = count, Zones = zones };
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or OverflowException or ArgumentException)
        {
            problem = "malformed chunk contents";
            return null;
        }
    }
}
