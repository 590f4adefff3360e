using System.Security.Cryptography;

namespace UrbanSim.Runner.Batch;

/// <summary>
/// A binary file that starts with an 8-byte magic and ends with the SHA-256 of everything before it. Written to a
/// temporary file, flushed to disk and renamed, so the file on disk is either whole or absent; a file cut short or
/// changed fails the check. Run chunks and sensitivity point chunks are both such files.
/// </summary>
internal static class ChecksummedFile
{
    public const int HashBytes = 32;

    /// <summary>Writes what <paramref name="writeBody"/> puts in the (hashing) stream, then the hash, to <paramref name="path"/> atomically.</summary>
    public static void Write(string path, Action<Stream> writeBody)
    {
        string temporary = path + ".tmp";
        try
        {
            using (var stream = new Output.OutputFileStream(temporary, FileMode.Create))
            {
                using (var hashing = new HashingStream(stream))
                {
                    writeBody(hashing);
                    stream.Write(hashing.Hash());
                }
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            // A failed write (a full disk, say) leaves no partial file behind, not even the temporary one.
            try { File.Delete(temporary); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
    }

    /// <summary>
    /// Reads the file into <paramref name="buffer"/> (grown when too small) and checks its magic and checksum; returns
    /// the length of the body (without the hash), or −1 with a reason when the file is unreadable, foreign or damaged.
    /// </summary>
    public static int TryRead(string path, ReadOnlySpan<byte> magic, string kind, ref byte[] buffer, out string? problem)
    {
        problem = null;
        int length;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            if (stream.Length > int.MaxValue) { problem = $"too large to be {kind}"; return -1; }
            length = (int)stream.Length;
            if (buffer.Length < length) buffer = new byte[Math.Max(length, buffer.Length * 5 / 4)];
            stream.ReadExactly(buffer, 0, length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { problem = $"cannot read ({e.Message.TrimEnd('.')})"; return -1; }

        var file = buffer.AsSpan(0, length);
        if (length < magic.Length + HashBytes || !file[..magic.Length].SequenceEqual(magic)) { problem = $"not {kind}"; return -1; }
        var body = file[..^HashBytes];
        Span<byte> hash = stackalloc byte[HashBytes];
        SHA256.HashData(body, hash);
        if (!hash.SequenceEqual(file[^HashBytes..])) { problem = "checksum mismatch: the file is damaged or was cut short"; return -1; }
        return body.Length;
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
