using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace UrbanSim.Runner.Batch;

/// <summary>
/// A checksummed file holding the results of a contiguous range of replications: one row per replication
/// (<see cref="RecordLayout"/>) and the zone sums of those replications. Written to a temporary file,
/// flushed to disk and renamed, so a chunk on disk is either whole or absent; a damaged one fails its
/// SHA-256 check and is recomputed. Chunks of one run may have any boundaries: the outputs depend only on
/// which replications are present, never on how they were grouped into chunks.
/// </summary>
public sealed class Chunk
{
    private const string Magic = "USIMCHNK";
    private const int FormatVersion = 1;
    public const string Extension = ".chunk";

    public required string RunKey { get; init; }
    public required int First { get; init; }
    public required RecordLayout Layout { get; init; }
    /// <summary>Rows, <see cref="Count"/> × <see cref="RecordLayout.Width"/>.</summary>
    public required double[] Rows { get; init; }
    public required ZoneSums Zones { get; init; }

    public int Count => Rows.Length / Layout.Width;
    public int End => First + Count;
    public ReadOnlySpan<double> Row(int index) => Rows.AsSpan(index * Layout.Width, Layout.Width);

    /// <summary>File name of a chunk: first and end (exclusive) replication, zero-padded so names sort by range.</summary>
    public static string FileName(int first, int end) => $"{first:D9}-{end:D9}{Extension}";

    /// <summary>Writes the chunk into <paramref name="directory"/> atomically; returns its path.</summary>
    public string Write(string directory)
    {
        string path = Path.Combine(directory, FileName(First, End));
        string temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            using (var hashing = new HashingStream(stream))
            using (var w = new BinaryWriter(hashing, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                w.Write(System.Text.Encoding.ASCII.GetBytes(Magic));
                w.Write(FormatVersion);
                w.Write(RunKey);
                w.Write(First); w.Write(Count);
                w.Write(Layout.Variants); w.Write(Layout.Years); w.Write(Layout.Zones);
                w.Flush();
                // Bulk data as raw little-endian bytes (every platform .NET 10 runs on is little-endian).
                hashing.Write(MemoryMarshal.AsBytes(Rows.AsSpan()));
                w.Write(Zones.Replications);
                w.Flush();
                hashing.Write(MemoryMarshal.AsBytes(Zones.Sums.AsSpan()));
                stream.Write(hashing.Hash());
            }
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    /// <summary>Reads and verifies a chunk; null with a reason when it is damaged or not a chunk.</summary>
    public static Chunk? TryRead(string path, out string? problem)
    {
        problem = null;
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { problem = $"cannot read ({e.Message.TrimEnd('.')})"; return null; }
        if (bytes.Length < Magic.Length + 32 || System.Text.Encoding.ASCII.GetString(bytes, 0, Magic.Length) != Magic)
        { problem = "not an UrbanSim chunk file"; return null; }
        var body = bytes.AsSpan(0, bytes.Length - 32);
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - 32)))
        { problem = "checksum mismatch: the file is damaged or was cut short"; return null; }
        try
        {
            using var r = new BinaryReader(new MemoryStream(bytes, 0, bytes.Length - 32));
            r.ReadBytes(Magic.Length);
            int version = r.ReadInt32();
            if (version != FormatVersion) { problem = $"chunk format {version}, this urbansim reads format {FormatVersion}"; return null; }
            string runKey = r.ReadString();
            int first = r.ReadInt32(), count = r.ReadInt32();
            var layout = new RecordLayout(r.ReadInt32(), r.ReadInt32(), r.ReadInt32());
            var rows = new double[checked(count * layout.Width)];
            int position = (int)r.BaseStream.Position;
            MemoryMarshal.Cast<byte, double>(body.Slice(position, checked(rows.Length * sizeof(double)))).CopyTo(rows);
            position += rows.Length * sizeof(double);
            var zones = new ZoneSums(layout.Variants, layout.Zones) { Replications = BitConverter.ToInt64(body.Slice(position, sizeof(long))) };
            position += sizeof(long);
            int zoneBytes = checked(zones.Sums.Length * sizeof(long));
            MemoryMarshal.Cast<byte, long>(body.Slice(position, zoneBytes)).CopyTo(zones.Sums);
            if (position + zoneBytes != body.Length) { problem = "unexpected bytes after the data"; return null; }
            return new Chunk { RunKey = runKey, First = first, Layout = layout, Rows = rows, Zones = zones };
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or OverflowException or ArgumentException)
        {
            problem = "malformed chunk contents";
            return null;
        }
    }

    /// <summary>A write-through stream that hashes what passes through it.</summary>
    private sealed class HashingStream(Stream inner) : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        public byte[] Hash() => _hash.GetHashAndReset();
        public override void Write(byte[] buffer, int offset, int count) { _hash.AppendData(buffer, offset, count); inner.Write(buffer, offset, count); }
        public override void Write(ReadOnlySpan<byte> buffer) { _hash.AppendData(buffer); inner.Write(buffer); }
        public override void Flush() => inner.Flush();
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        protected override void Dispose(bool disposing) { if (disposing) _hash.Dispose(); base.Dispose(disposing); }
    }
}
