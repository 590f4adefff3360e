using UrbanSim.Runner.Output;
using System.Text;

namespace UrbanSim.Runner.Output;

/// <summary>
/// Writes a file so that readers see either the old file or the complete new one, never a partial
/// write: the text goes to a temporary file in the same folder (same volume, so the move is a rename),
/// which then replaces the target.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="text"/> as UTF-8 (no byte-order mark) to <paramref name="path"/>, atomically.</summary>
    /// <exception cref="IOException">The folder does not exist or the file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">No permission to write in the folder.</exception>
    public static void WriteAllText(string path, string text)
    {
        string fullPath = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(fullPath) ?? ".";
        string temporary = Path.Combine(folder, "." + Path.GetFileName(fullPath) + "." + Path.GetRandomFileName() + ".tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            {
                writer.Write(text);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
