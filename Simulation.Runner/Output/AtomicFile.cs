using System.Text;

namespace UrbanSim.Runner.Output;

/// <summary>
/// Writes a file so that readers see either the old file or the complete new one, never a partial
/// write: the text goes to a temporary file in the same folder (same volume, so the move is a rename),
/// which then replaces the target.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Writes <paramref name="text"/> as UTF-8 (no byte-order mark) to <paramref name="path"/>, atomically.</summary>
    /// <exception cref="IOException">The folder does not exist or the file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">No permission to write in the folder.</exception>
    public static void WriteAllText(string path, string text) => Write(path, stream =>
    {
        using var writer = new StreamWriter(stream, Utf8, leaveOpen: true);
        writer.Write(text);
    });

    /// <summary>Writes text line by line through <paramref name="write"/> (UTF-8, "\n" line ends), atomically.</summary>
    public static void WriteText(string path, Action<TextWriter> write) => Write(path, stream =>
    {
        using var writer = new StreamWriter(stream, Utf8, 1 << 16, leaveOpen: true) { NewLine = "\n" };
        write(writer);
    });

    /// <summary>Writes whatever <paramref name="write"/> puts in the stream to <paramref name="path"/>, atomically.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        string fullPath = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(fullPath) ?? ".";
        string temporary = Path.Combine(folder, "." + Path.GetFileName(fullPath) + "." + Path.GetRandomFileName() + ".tmp");
        try
        {
            using (var stream = new OutputFileStream(temporary, FileMode.CreateNew))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
}
