using BenchmarkDotNet.Attributes;
using UrbanSim.Core.Engine;
using UrbanSim.Core.Outcomes;
using UrbanSim.Runner.Batch;

namespace UrbanSim.Benchmarks;

/// <summary>
/// The cost a run adds on top of the simulation, per replication of the reference scenario: writing its
/// row to a chunk on disk, reading it back, and folding it into the outputs' statistics.
/// </summary>
[MemoryDiagnoser]
public class BatchOutputBenchmarks
{
    private RecordLayout _layout = null!;
    private Chunk _chunk = null!;
    private BatchAccumulator _accumulator = null!;
    private ChunkReader _reader = null!;
    private string _folder = null!, _path = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var scenario = BenchmarkScenarios.Load("reference");
        _layout = RecordLayout.For(scenario);
        var runner = new ReplicationRunner(scenario);
        var result = ReplicationResult.For(scenario);
        var rows = new double[ChunkStore.ChunkReplications * _layout.Width];
        var zones = new ZoneSums(_layout.Variants, _layout.Zones);
        for (int i = 0; i < ChunkStore.ChunkReplications; i++)
        {
            runner.Run(i % 16, result);   // 16 distinct replications, repeated: realistic values
            _layout.Flatten(result, rows.AsSpan(i * _layout.Width, _layout.Width));
            zones.Add(result);
        }
        _chunk = new Chunk { RunKey = "benchmark", First = 0, Layout = _layout, Rows = rows, Count = ChunkStore.ChunkReplications, Zones = zones };
        _folder = Directory.CreateTempSubdirectory("urbansim-bench-").FullName;
        _path = _chunk.Write(_folder);
        _reader = new ChunkReader();
        _accumulator = new BatchAccumulator(_layout);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    /// <summary>Writing a chunk of 256 replications (checksummed, flushed to disk, renamed).</summary>
    [Benchmark(OperationsPerInvoke = ChunkStore.ChunkReplications)]
    public string WriteChunkPerReplication() => _chunk.Write(_folder);

    /// <summary>Reading and verifying a chunk of 256 replications.</summary>
    [Benchmark(OperationsPerInvoke = ChunkStore.ChunkReplications)]
    public int ReadChunkPerReplication() => _reader.TryRead(_path, out _)!.Count;

    /// <summary>Folding one replication into every column's statistics (moments, quantile sketch, paired differences).</summary>
    [Benchmark]
    public int FoldReplication()
    {
        _accumulator.Add(_next++, _chunk.Row(_next % ChunkStore.ChunkReplications));
        return _accumulator.Replications;
    }
}
