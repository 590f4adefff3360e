using System.Text;

namespace UrbanSim.Core.Scenarios;

/// <summary>
/// Reads an input file as text with a cap on its size, so that no file (a huge one, a device such as
/// <c>/dev/zero</c> that never ends, one that grows while it is read) can exhaust memory or hang a command.
/// </summary>
internal static class InputFile
{
    /// <summary>Largest scenario file read: 1 MiB (the bundled scenarios are about 4 KB).</summary>
    public const long MaxScenarioBytes = 1L << 20;
    /// <summary>Largest zones CSV read: 64 MiB (100,000 zones, the limit, take about 25 MB).</summary>
    public const long MaxZonesCsvBytes = 64L << 20;

    /// <summary>
    /// The file's text (UTF-8, a byte-order mark dropped), or null with the reason in <paramref name="problem"/>: it is
    /// missing, a folder, unreadable, or longer than <paramref name="maxBytes"/>.
    /// </summary>
    public static string? TryReadText(string path, long maxBytes, out string? problem)
    {
        if (TryReadBytes(path, maxBytes, out problem) is not { } bytes) return null;
        var span = bytes.AsSpan();
        if (span.StartsWith(Encoding.UTF8.Preamble)) span = span[Encoding.UTF8.Preamble.Length..];
        return Encoding.UTF8.GetString(span);
    }

    /// <summary>The file's bytes, or null with the reason in <paramref name="problem"/> (as <see cref="TryReadText"/>).</summary>
    public static byte[]? TryReadBytes(string path, long maxBytes, out string? problem)
    {
        problem = null;
        if (Directory.Exists(path)) { problem = "this is a folder, not a file"; return null; }
        if (!File.Exists(path)) { problem = "file not found"; return null; }
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            if (stream.CanSeek && stream.Length > maxBytes) { problem = TooLarge(stream.Length, maxBytes); return null; }
            // Read at most one byte more than allowed: a device or a growing file is refused as soon as it passes the cap.
            var buffer = new byte[(int)Math.Min(maxBytes + 1, stream.CanSeek ? Math.Max(stream.Length, 4096) + 1 : 1 << 16)];
            int length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > maxBytes) { problem = TooLarge(null, maxBytes); return null; }
                    Array.Resize(ref buffer, (int)Math.Min(maxBytes + 1, (long)buffer.Length * 2));
                }
                int read = stream.Read(buffer, length, buffer.Length - length);
                if (read == 0) break;
                length += read;
            }
            if (length > maxBytes) { problem = TooLarge(null, maxBytes); return null; }
            return buffer.AsSpan(0, length).ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"cannot read the file ({e.Message.TrimEnd('.')})";
            return null;
        }
    }

    /// <summary>A size in the units a person reads: "1 MiB", "200 MB".</summary>
    public static string Size(long bytes) => bytes switch
    {
        >= 1L << 40 => $"{bytes / (double)(1L << 40):0.#} TiB",
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.#} GiB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.#} MiB",
        >= 1L << 10 => $"{bytes / (double)(1L << 10):0.#} KiB",
        _ => $"{bytes} bytes",
    };

    private static string TooLarge(long? actual, long maxBytes) => actual is { } size
        ? $"the file is {Size(size)}, more than the {Size(maxBytes)} this kind of file may be"
        : $"the file is longer than the {Size(maxBytes)} this kind of file may be (or it is a device or a pipe that does not end)";
}
