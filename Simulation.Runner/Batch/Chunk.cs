using System.Runtime.InteropServices;

namespace UrbanSim.Runner.Batch;

/// <summary>
/// A checksummed file holding the results of a contiguous range of replications: one row per replication
/// (<see cref="RecordLayout"/>) and the zone sums of those replications. Written to a temporary file,
/// flushed to disk and renamed, so a chunk on disk is either whole or absent; a damaged one fails its
/// SHA-256 check and is recomputed. Chunks of one run may have any boundaries: the outputs depend only on
/// which replications are present, never on how they were grouped into chunks.
/// </summary>
internal sealed class Chunk
{
    internal const string Magic = "USIMCHNK";
    /// <summary>Format 2 added the drawn uncertain parameters and the shocks of each year; format 3 the region count and the regions' values; format 4 the agents' values by region and the developer firms' count and values.</summary>
    internal const int FormatVersion = 4;
    public const string Extension = ".chunk";

    public required string RunKey { get; init; }
    public required int First { get; init; }
    public required RecordLayout Layout { get; init; }
    /// <summary>Rows: the first <see cref="Count"/> × <see cref="RecordLayout.Width"/> values (the array may be a longer, reused buffer).</summary>
    public required double[] Rows { get; init; }
    public required int Count { get; init; }
    public required ZoneSums Zones { get; init; }

    public int End => First + Count;
    public ReadOnlySpan<double> Row(int index) => Rows.AsSpan(index * Layout.Width, Layout.Width);

    /// <summary>File name of a chunk: first and end (exclusive) replication, zero-padded so names sort by range.</summary>
    public static string FileName(int first, int end) => $"{first:D9}-{end:D9}{Extension}";

    /// <summary>Writes the chunk into <paramref name="directory"/> atomically; returns its path.</summary>
    public string Write(string directory)
    {
        string path = Path.Combine(directory, FileName(First, End));
        ChecksummedFile.Write(path, hashing =>
        {
            using var w = new BinaryWriter(hashing, System.Text.Encoding.UTF8, leaveOpen: true);
            w.Write(System.Text.Encoding.ASCII.GetBytes(Magic));
            w.Write(FormatVersion);
            w.Write(RunKey);
            w.Write(First); w.Write(Count);
            w.Write(Layout.Variants); w.Write(Layout.Years); w.Write(Layout.Zones); w.Write(Layout.Uncertain); w.Write(Layout.Regions); w.Write(Layout.Firms);
            w.Flush();
            // Bulk data as raw little-endian bytes (every platform .NET 10 runs on is little-endian).
            hashing.Write(MemoryMarshal.AsBytes(Rows.AsSpan(0, Count * Layout.Width)));
            w.Write(Zones.Replications);
            w.Flush();
            hashing.Write(MemoryMarshal.AsBytes(Zones.Sums.AsSpan()));
        });
        return path;
    }

    /// <summary>A layout as text, for saying why a chunk does not fit a run.</summary>
    public static string Shape(RecordLayout layout) =>
        $"{layout.Variants} variant(s) × {layout.Years} year(s) × {layout.Zones} zone(s) in {layout.Regions} region(s) × {layout.Uncertain} uncertain parameter(s), {layout.Firms} developer firm(s)";

    /// <summary>Reads and verifies a chunk into fresh arrays; null with a reason when it is damaged or not a chunk.</summary>
    public static Chunk? TryRead(string path, out string? problem) => new ChunkReader().TryRead(path, out problem);
}
