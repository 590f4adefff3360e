namespace UrbanSim.Runner.Output;

/// <summary>
/// The stream every output file is written through. .NET reports a write the file system refuses for size (EFBIG: "File
/// too large", from a file system's limit such as FAT32's 4 GiB, or a process's file-size limit) as an
/// <see cref="ArgumentOutOfRangeException"/>, which would read as a bug (exit code 70); here it is the
/// <see cref="IOException"/> it is, so commands report it as a failed write (exit code 74) as they do a full disk.
/// </summary>
internal sealed class OutputFileStream(string path, FileMode mode, int bufferSize = 1 << 16)
    : FileStream(path, mode, FileAccess.Write, FileShare.None, bufferSize)
{
    public override void Write(byte[] buffer, int offset, int count) => Guard(() => base.Write(buffer, offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try { base.Write(buffer); }
        catch (ArgumentOutOfRangeException e) { throw TooLarge(e); }
    }

    public override void WriteByte(byte value) => Guard(() => base.WriteByte(value));
    public override void Flush() => Guard(base.Flush);
    public override void Flush(bool flushToDisk) => Guard(() => base.Flush(flushToDisk));

    protected override void Dispose(bool disposing)
    {
        try { base.Dispose(disposing); }
        catch (ArgumentOutOfRangeException e) { throw TooLarge(e); }
    }

    private void Guard(Action write)
    {
        try { write(); }
        catch (ArgumentOutOfRangeException e) { throw TooLarge(e); }
    }

    private IOException TooLarge(Exception e) =>
        new($"{Path.GetFileName(Name)}: the file system refused to make the file larger (file too large for it, or for this process's file-size limit)", e);
}
