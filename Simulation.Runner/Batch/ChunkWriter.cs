using UrbanSim.Core.Engine;
using UrbanSim.Core.Outcomes;

namespace UrbanSim.Runner.Batch;

/// <summary>
/// Collects consecutive replications delivered by the engine and writes them as chunks of
/// <see cref="ChunkStore.ChunkReplications"/>; <see cref="Flush"/> writes what is left (after the last
/// replication, or when the run is stopped).
/// </summary>
internal sealed class ChunkWriter(string directory, string runKey, RecordLayout layout)
{
    private readonly double[] _rows = new double[ChunkStore.ChunkReplications * layout.Width];
    private ZoneSums _zones = new(layout.Variants, layout.Zones);
    private int _first = -1, _count;

    /// <summary>The chunks written so far, in order, so the caller need not read the folder again.</summary>
    public List<ChunkStore.Entry> Written { get; } = [];

    /// <summary>Called with each chunk once it is whole on disk (a background fold takes it from there).</summary>
    public Action<ChunkStore.Entry>? OnWritten { get; init; }

    public void Add(ReplicationResult result)
    {
        if (_count == 0) _first = result.Replication;
        else if (result.Replication != _first + _count) throw new InvalidOperationException($"replication {result.Replication} after {_first + _count - 1}");
        layout.Flatten(result, _rows.AsSpan(_count * layout.Width, layout.Width));
        _zones.Add(result);
        if (++_count == ChunkStore.ChunkReplications) Flush();
    }

    public void Flush()
    {
        if (_count == 0) return;
        string path = new Chunk { RunKey = runKey, First = _first, Layout = layout, Rows = _rows, Count = _count, Zones = _zones }.Write(directory);
        var entry = new ChunkStore.Entry(path, _first, _first + _count);
        Written.Add(entry);
        OnWritten?.Invoke(entry);
        _zones.Clear();
        _count = 0;
    }
}
